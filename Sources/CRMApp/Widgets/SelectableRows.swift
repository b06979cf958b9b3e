import TerminalUI

/// A short table held in memory (a detail tab's related records: an opportunity's accounts, a
/// partner's consultants) with a selected row kept in view, or a hint when there are no rows.
enum SelectableRows {
    static func render<Row>(_ rows: [Row], selected: Int, empty: String, columns: [TableColumn<Row>],
                            into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        guard !rows.isEmpty else {
            buffer.write(empty, x: rect.x + 1, y: rect.y + 1, style: theme.dim, maxWidth: rect.width - 2)
            return
        }
        let visible = max(1, rect.height - 1)
        let first = max(0, selected - visible + 1)
        TableView.render(Array(rows.dropFirst(first)), columns: columns, selected: selected - first, sortColumn: nil,
                         ascending: true, into: &buffer, rect: rect, theme: theme)
    }
}
