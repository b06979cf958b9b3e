import TerminalUI

/// A tab of the records linked to the one shown (an opportunity's related accounts or business
/// roles): read whole, since they are few; the cursor keys move the selection, Enter opens the
/// selected record where it has a screen, and `D` removes the link after asking (the record stays).
final class RelationRowsPane<Row>: Pane {
    private let noun: String
    /// The command that adds a link, named in the empty tab's hint.
    private let addCommand: CommandID
    private let columns: [TableColumn<Row>]
    private let read: () throws -> [Row]
    private let open: ((Row, AppController) -> Void)?
    /// The question to ask before removing the link to a row, and the removal.
    private let removal: (Row) -> (question: String, remove: () throws -> Void)
    private var rows: [Row] = []
    private var cursor = RowCursor()

    init(noun: String, addCommand: CommandID, columns: [TableColumn<Row>], read: @escaping () throws -> [Row],
         open: ((Row, AppController) -> Void)?, removal: @escaping (Row) -> (question: String, remove: () throws -> Void)) {
        self.noun = noun
        self.addCommand = addCommand
        self.columns = columns
        self.read = read
        self.open = open
        self.removal = removal
    }

    private var current: Row? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    func commands(app: AppController) -> [Command] {
        var commands = Command.rowMoves { [unowned self] move in move(&cursor) }
            .filter { [.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp].contains($0.id) }
        if let open {
            commands.append(Command.on(current, .recordOpen, missing: "There is nothing here to open", action: open))
        }
        commands.append(Command.on(current, .recordDelete, missing: "There is nothing here to remove") { [unowned self] row, app in
            let (question, remove) = removal(row)
            app.confirm(question) { app in
                _ = app.attempt("Could not remove it", remove)
                self.reload(app: app)
            }
        })
        return commands
    }

    func reload(app: AppController) {
        rows = app.attempt("Could not read the \(noun)", read) ?? []
        cursor.resize(count: rows.count)
    }

    func show(app: AppController) {
        cursor.toFirst()
        reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let key = app.bindings.keyLabel(for: addCommand, in: [.opportunity, .detail]) ?? ":"
        SelectableRows.render(rows, cursor: &cursor, empty: "No \(noun). Press \(key) to add one.", columns: columns,
                              into: &buffer, rect: rect, theme: app.theme)
    }
}

/// A tab that says what will be there in a later release.
final class NoticePane: Pane {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func commands(app: AppController) -> [Command] { [] }
    func reload(app: AppController) {}

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        for (row, line) in TextWrap.lines(text, width: rect.width - 2).enumerated() {
            buffer.write(line, x: rect.x + 1, y: rect.y + 1 + row, style: app.theme.dim, maxWidth: rect.width - 2)
        }
    }
}
