/// A short table held in memory (a detail tab's related records, a settings page, saved
/// filters) with its selected row kept in view by a `RowCursor`, or a hint when there are no
/// rows. The cursor lives with the caller, so the view stays where it was between frames.
public enum SelectableRows {
    /// The rows of a table drawn in `rect`: all but the header row.
    public static func visibleRows(in rect: Rect) -> Int { max(1, rect.height - 1) }

    /// Fits `cursor` to `rows` and `rect`, then draws the rows in view with the selected one
    /// marked; with no rows, `empty` in the dim style instead.
    public static func render<Row>(_ rows: [Row], cursor: inout RowCursor, empty: String, columns: [TableColumn<Row>],
                                   into buffer: inout ScreenBuffer, rect: Rect, theme: some WidgetTheme) {
        cursor.resize(count: rows.count, height: visibleRows(in: rect))
        guard !rows.isEmpty else {
            buffer.write(empty, x: rect.x + 1, y: rect.y + 1, style: theme.dim, maxWidth: rect.width - 2)
            return
        }
        TableView.render(Array(rows[cursor.visible]), columns: columns, selected: cursor.selectedOffset, sortColumn: nil,
                         ascending: true, into: &buffer, rect: rect, theme: theme)
    }
}
