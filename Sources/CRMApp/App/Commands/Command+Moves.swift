extension Command {
    /// The cursor motions over `count` rows held in memory, with the selection at `selected`:
    /// a page moves `page` rows, or to the first or last row when `page` is nil.
    static func rowMoves(selected: Int, count: Int, page: Int? = nil, select: @escaping (Int) -> Void) -> [Command] {
        let last = max(0, count - 1)
        let move = { (id: CommandID, target: Int) in Command(id) { _ in select(min(max(0, target), last)) } }
        return [
            move(.cursorDown, selected + 1),
            move(.cursorUp, selected - 1),
            move(.cursorPageDown, page.map { selected + $0 } ?? last),
            move(.cursorPageUp, page.map { selected - $0 } ?? 0),
            move(.cursorStart, 0),
            move(.cursorEnd, last),
        ]
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
