import TerminalUI

extension Command {
    /// The cursor motions over rows held in memory, as commands that hand their move to
    /// `apply`, which runs it on the screen's `RowCursor` (e.g. `{ change in change(&cursor) }`):
    /// a page moves `page` rows, or to the first or last row when `page` is nil. `only` keeps
    /// the motions a screen wants where its other keys take the rest.
    static func rowMoves(page: Int? = nil, only: Set<CommandID>? = nil,
                         _ apply: @escaping (_ move: (inout RowCursor) -> Void) -> Void) -> [Command] {
        let move = { (id: CommandID, change: @escaping (inout RowCursor) -> Void) in Command(id) { _ in apply(change) } }
        let moves = [
            move(.cursorDown) { $0.down() },
            move(.cursorUp) { $0.up() },
            move(.cursorPageDown) { cursor in if let page { cursor.down(page) } else { cursor.toLast() } },
            move(.cursorPageUp) { cursor in if let page { cursor.up(page) } else { cursor.toFirst() } },
            move(.cursorStart) { $0.toFirst() },
            move(.cursorEnd) { $0.toLast() },
        ]
        return only.map { wanted in moves.filter { wanted.contains($0.id) } } ?? moves
    }
}

extension Command {
    /// Tab and Shift-Tab over a detail screen's tabs; `turn` gets +1 or -1. Tab is listed in the
    /// sidebar as "Next tab".
    static func tabSteps(_ turn: @escaping (Int) -> Void) -> [Command] {
        [
            Command(.tabNext, [.sidebar], label: "Next tab") { _ in turn(1) },
            Command(.tabPrev) { _ in turn(-1) },
        ]
    }
}
