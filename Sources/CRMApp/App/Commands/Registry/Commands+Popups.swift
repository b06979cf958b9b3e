extension CommandID {
    public static let popupAccept = CommandID(rawValue: "popup.accept")
    public static let popupClose = CommandID(rawValue: "popup.close")
    public static let popupYes = CommandID(rawValue: "popup.yes")
    public static let popupNo = CommandID(rawValue: "popup.no")
}

extension CommandRegistry {
    static let popups: [CommandSpec] = [
        CommandSpec(.popupAccept, "Choose", .popup, inPalette: false),
        CommandSpec(.popupClose, "Close", .popup, inPalette: false),
        CommandSpec(.popupYes, "Answer yes", .popup, inPalette: false),
        CommandSpec(.popupNo, "Answer no", .popup, inPalette: false),
    ]
}
