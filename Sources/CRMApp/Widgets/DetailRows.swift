import CRMCore
import TerminalUI

/// A label–value list for the "Data" tab of a detail view.
enum DetailRows {
    /// Draws `rows`; the values of the rows labelled in `multiline` (notes, descriptions: the
    /// fields edited in a multi-line box) continue on the following rows at their line breaks.
    /// Any other value stays on its one row, a line break in it shown as `^J` by the buffer,
    /// as everywhere else: a pasted name must not pass for two rows.
    /// Rows below the pane are reached by scrolling (`DetailScroll`), which marks them.
    static func render(_ rows: [(label: String, value: String)], multiline: Set<String>, scroll: inout DetailScroll,
                       into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        var lines: [(String, String)] = []
        for row in rows {
            let parts = multiline.contains(row.label)
                ? row.value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [row.value]
            for (index, part) in parts.enumerated() { lines.append((index == 0 ? row.label : "", part)) }
        }
        let labelWidth = min(24, (rows.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2)
        let shown = scroll.layout(lines.count, height: rect.height)
        for (offset, line) in lines[shown].enumerated() {
            let y = rect.y + 1 + offset
            buffer.write(line.0, x: rect.x, y: y, style: theme.header, maxWidth: labelWidth - 1)
            buffer.write(line.1, x: rect.x + labelWidth, y: y, style: theme.plain, maxWidth: rect.width - labelWidth)
        }
        DetailScroll.markers(shown, total: lines.count, in: rect, into: &buffer, theme: theme)
    }
}

/// The "History" tab (ST-6): who changed what, when, from which value to which.
enum HistoryView {
    /// A record's history with names for the ids in it, read when the tab is (re)loaded rather
    /// than per frame; an error is shown and leaves the history empty.
    static func load(_ entity: EntityKind, id: Int64, app: AppController) -> [JournalEntry] {
        app.attempt("Could not read the history") {
            JournalNames.named(try app.session.journal.history(of: entity, id: id), session: app.session)
        } ?? []
    }

    static func render(_ journal: [JournalEntry], scroll: inout DetailScroll,
                       into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let columns: [TableColumn<JournalLine>] = [
            TableColumn("When", minWidth: 16) { $0.when },
            TableColumn("Who", minWidth: 14) { $0.who },
            TableColumn("What", minWidth: 10, weight: 1) { $0.what },
            TableColumn("Old value", minWidth: 10, weight: 2) { $0.old },
            TableColumn("New value", minWidth: 10, weight: 2) { $0.new },
        ]
        let entries = journal.map(JournalLine.init)
        if entries.isEmpty {
            buffer.write("No changes recorded.", x: rect.x + 1, y: rect.y + 1, style: theme.dim)
            return
        }
        let shown = scroll.layout(entries.count, height: rect.height)
        TableView.render(Array(entries[shown]), columns: columns, selected: nil, sortColumn: nil, ascending: true,
                         into: &buffer, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: shown.count + 1),
                         theme: theme)
        DetailScroll.markers(shown, total: entries.count, in: rect, underHeader: true, into: &buffer, theme: theme)
    }
}
