import TerminalUI

/// The bytes an xterm sends for a key (`TERM=xterm-256color`, cursor keys in application mode
/// as curses asks for), so `crm bench` can type keys named the way the keymaps name them.
enum XtermKeys {
    /// What the terminal sends for `event`; nil for what a terminal cannot send (a resize,
    /// Ctrl with a special key).
    static func bytes(for event: KeyEvent) -> [UInt8]? {
        if event.modifiers.contains(.alt) {
            var plain = event
            plain.modifiers.remove(.alt)
            return bytes(for: plain).map { [0x1B] + $0 }
        }
        if event.modifiers.contains(.ctrl) {
            guard case .char(let character) = event.key, let ascii = character.asciiValue,
                  (0x40...0x7F).contains(ascii) || ascii == 0x20 else { return nil }
            return [ascii == 0x20 ? 0 : ascii & 0x1F]
        }
        switch event.key {
        case .char(let character): return Array(String(character).utf8)
        case .function(let number): return functionKeys[number].map { Array($0.utf8) }
        case .resize: return nil
        default: return specialKeys[event.key].map { Array($0.utf8) }
        }
    }

    private static let specialKeys: [Key: String] = [
        .up: "\u{1B}OA", .down: "\u{1B}OB", .right: "\u{1B}OC", .left: "\u{1B}OD",
        .home: "\u{1B}OH", .end: "\u{1B}OF", .pageUp: "\u{1B}[5~", .pageDown: "\u{1B}[6~",
        .insert: "\u{1B}[2~", .delete: "\u{1B}[3~", .backspace: "\u{7F}",
        .enter: "\r", .tab: "\t", .backTab: "\u{1B}[Z", .escape: "\u{1B}",
    ]

    private static let functionKeys: [Int: String] = [
        1: "\u{1B}OP", 2: "\u{1B}OQ", 3: "\u{1B}OR", 4: "\u{1B}OS",
        5: "\u{1B}[15~", 6: "\u{1B}[17~", 7: "\u{1B}[18~", 8: "\u{1B}[19~",
        9: "\u{1B}[20~", 10: "\u{1B}[21~", 11: "\u{1B}[23~", 12: "\u{1B}[24~",
    ]
}
