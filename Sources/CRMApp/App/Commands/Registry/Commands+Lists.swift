extension CommandID {
    public static let cursorDown = CommandID(rawValue: "cursor.down")
    public static let cursorUp = CommandID(rawValue: "cursor.up")
    public static let cursorPageDown = CommandID(rawValue: "cursor.page.down")
    public static let cursorPageUp = CommandID(rawValue: "cursor.page.up")
    public static let cursorStart = CommandID(rawValue: "cursor.start")
    public static let cursorEnd = CommandID(rawValue: "cursor.end")
    public static let filterEdit = CommandID(rawValue: "filter.edit")
    public static let filterClear = CommandID(rawValue: "filter.clear")
    public static let sortNext = CommandID(rawValue: "sort.next")
    public static let sortReverse = CommandID(rawValue: "sort.reverse")
    public static let tabNext = CommandID(rawValue: "tab.next")
    public static let tabPrev = CommandID(rawValue: "tab.prev")
}

extension CommandRegistry {
    static let cursor: [CommandSpec] = [
        CommandSpec(.cursorDown, "Move down", .list, inPalette: false),
        CommandSpec(.cursorUp, "Move up", .list, inPalette: false),
        CommandSpec(.cursorPageDown, "Page down", .list, inPalette: false),
        CommandSpec(.cursorPageUp, "Page up", .list, inPalette: false),
        CommandSpec(.cursorStart, "Jump to the first row", .list, inPalette: false),
        CommandSpec(.cursorEnd, "Jump to the last row", .list, inPalette: false),
        CommandSpec(.filterEdit, "Quick filter (type to narrow the list)", .list, label: "Filter"),
        CommandSpec(.filterClear, "Clear the quick filter", .list),
        CommandSpec(.sortNext, "Sort by the next column", .list, label: "Sort"),
        CommandSpec(.sortReverse, "Reverse the sort order", .list, label: "Reverse sort"),
        CommandSpec(.tabNext, "Next tab", .list, label: "Next view"),
        CommandSpec(.tabPrev, "Previous tab", .list),
    ]
}
