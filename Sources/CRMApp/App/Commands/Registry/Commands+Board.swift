extension CommandID {
    public static let boardColumnNext = CommandID(rawValue: "board.column.next")
    public static let boardColumnPrev = CommandID(rawValue: "board.column.prev")
    public static let boardMoveNext = CommandID(rawValue: "board.move.next")
    public static let boardMovePrev = CommandID(rawValue: "board.move.prev")
    public static let boardBreakdown = CommandID(rawValue: "board.breakdown")
}

extension CommandRegistry {
    static let board: [CommandSpec] = [
        CommandSpec(.boardColumnNext, "Next column (status)", .board, inPalette: false),
        CommandSpec(.boardColumnPrev, "Previous column (status)", .board, inPalette: false),
        CommandSpec(.boardMoveNext, "Move the card to the next status", .board, label: "Move →"),
        CommandSpec(.boardMovePrev, "Move the card to the previous status", .board, label: "Move ←"),
        CommandSpec(.boardBreakdown, "Show or hide the totals per currency", .board, label: "Currencies"),
    ]
}
