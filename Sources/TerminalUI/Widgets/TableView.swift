/// One column of a table: a title, how wide it wants to be, and how to read a row's value.
/// Rows can be any type: the column reads what it shows.
public struct TableColumn<Row> {
    public let title: String
    public let minWidth: Int
    /// Share of the spare width this column takes (0 = stays at minWidth).
    public let weight: Int
    public let alignRight: Bool
    public let value: (Row) -> String
    /// A style of the cell's own (e.g. a status colour tag); unselected rows only.
    public let style: ((Row) -> Style)?
    /// Offered by the column chooser (`C`) but not shown until chosen.
    public let hiddenByDefault: Bool

    public init(_ title: String, minWidth: Int, weight: Int = 0, alignRight: Bool = false, hiddenByDefault: Bool = false,
                style: ((Row) -> Style)? = nil, value: @escaping (Row) -> String) {
        self.title = title
        self.minWidth = minWidth
        self.weight = weight
        self.alignRight = alignRight
        self.style = style
        self.hiddenByDefault = hiddenByDefault
        self.value = value
    }
}

/// Draws a header and rows into a rectangle; column widths follow display columns, so CJK
/// names and emoji line up with Latin ones.
public enum TableView {
    /// Column widths for `total` columns of space (columns that don't fit are dropped).
    public static func widths<Row>(_ columns: [TableColumn<Row>], total: Int) -> [Int] {
        var widths: [Int] = []
        var used = 0
        for column in columns {
            let needed = column.minWidth + (widths.isEmpty ? 0 : 1)
            if used + needed > total { break }
            widths.append(column.minWidth)
            used += needed
        }
        let weights = columns.prefix(widths.count).map(\.weight)
        let weightSum = weights.reduce(0, +)
        var spare = total - used
        if weightSum > 0, spare > 0 {
            let share = spare
            for index in widths.indices where weights[index] > 0 {
                let extra = share * weights[index] / weightSum
                widths[index] += extra
                spare -= extra
            }
            if let lastFlexible = weights.lastIndex(where: { $0 > 0 }) { widths[lastFlexible] += spare }
        }
        return widths
    }

    /// How many of `columns` a table `width` wide shows: the rest are left out, last first.
    public static func fittingCount<Row>(_ columns: [TableColumn<Row>], width: Int, hasMarker: Bool) -> Int {
        widths(columns, total: width - markerWidth(hasMarker: hasMarker)).count
    }

    private static func markerWidth(hasMarker: Bool) -> Int { hasMarker ? 2 : 1 }

    /// How many of `columns` the cursor bar covers: up to and including the first flexible
    /// column (the row's name), or the first column when none is flexible.
    ///
    /// Not the whole row: a cell that changes style must be sent again with its text, so a
    /// full-width bar costs two whole rows per `j` (about 230 bytes at 80 columns when the list
    /// scrolls); over the name it costs a third of that and still marks the row at a glance.
    static func barColumnCount<Row>(_ columns: [TableColumn<Row>]) -> Int {
        (columns.firstIndex { $0.weight > 0 } ?? 0) + 1
    }

    /// Draws the table. Columns may give their cells a style of their own (e.g. colour tags);
    /// the selected row shows the theme's selection style over its marker and its name
    /// (`barColumnCount`).
    public static func render<Row>(
        _ rows: [Row], columns: [TableColumn<Row>], selected: Int?, sortColumn: Int?,
        ascending: Bool, into buffer: inout ScreenBuffer, rect: Rect, theme: some WidgetTheme,
        marker: ((Row) -> String)? = nil
    ) {
        guard rect.height > 0 else { return }
        let markerWidth = markerWidth(hasMarker: marker != nil)
        let widths = widths(columns, total: rect.width - markerWidth)
        var x = rect.x + markerWidth
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme.header)
        for (index, width) in widths.enumerated() {
            var title = columns[index].title
            if index == sortColumn { title += ascending ? " ▲" : " ▼" }
            buffer.writeField(title, x: x, y: rect.y, width: width, style: theme.header,
                              alignRight: columns[index].alignRight)
            x += width + 1
        }
        let barColumns = barColumnCount(columns)
        for (offset, row) in rows.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + offset
            let isSelected = offset == selected
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: theme.plain)
            if isSelected {
                let barWidth = markerWidth + widths.prefix(barColumns).reduce(0) { $0 + $1 + 1 }
                buffer.fill(Rect(x: rect.x, y: y, width: min(rect.width, barWidth), height: 1), style: theme.selected)
            }
            if let marker {
                buffer.write(marker(row), x: rect.x, y: y, style: isSelected ? theme.selected : theme.favourite, maxWidth: 2)
            }
            x = rect.x + markerWidth
            for (index, width) in widths.enumerated() {
                let cellStyle = isSelected && index < barColumns ? theme.selected : columns[index].style?(row) ?? theme.plain
                buffer.writeField(columns[index].value(row), x: x, y: y, width: width, style: cellStyle,
                                  alignRight: columns[index].alignRight)
                x += width + 1
            }
        }
    }
}
