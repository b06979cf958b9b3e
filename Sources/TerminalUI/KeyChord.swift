/// Parses and prints key chords as written in keymap files: `j`, `G`, `C-p`, `M-x`, `S-l`,
/// `S-Tab`, `Enter`, `PgDn`, `F5`, `Space`; a sequence is chords separated by spaces (`g d`).
public enum KeyChord {
    /// Why a chord did not parse; the message is shown to the person who wrote it.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let chord: String
        public let reason: String
        public var description: String { "unknown key \"\(chord)\": \(reason)" }
    }

    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "ins": .insert, "insert": .insert,
        "del": .delete, "delete": .delete, "bs": .backspace, "backspace": .backspace,
        "enter": .enter, "ret": .enter, "return": .enter, "tab": .tab, "esc": .escape,
        "escape": .escape, "space": .char(" "),
    ]

    private static let printedNames: [Key: String] = [
        .up: "Up", .down: "Down", .left: "Left", .right: "Right", .home: "Home", .end: "End",
        .pageUp: "PgUp", .pageDown: "PgDn", .insert: "Ins", .delete: "Del",
        .backspace: "Backspace", .enter: "Enter", .tab: "Tab", .backTab: "S-Tab",
        .escape: "Esc", .resize: "Resize", .char(" "): "Space",
    ]

    /// Parses one chord such as `C-p` or `S-Tab`.
    public static func parse(_ text: String) throws -> KeyEvent {
        guard !text.isEmpty else { throw ParseError(chord: text, reason: "empty key") }
        var rest = Substring(text)
        var modifiers: KeyModifiers = []
        var shift = false
        while rest.count > 2, rest.dropFirst().first == "-" {
            switch rest.first {
            case "C": modifiers.insert(.ctrl)
            case "M", "A": modifiers.insert(.alt)
            case "S": shift = true
            default: throw ParseError(chord: text, reason: "modifiers are C-, M- and S-")
            }
            rest = rest.dropFirst(2)
        }
        var key: Key
        if rest.count == 1, let c = rest.first {
            key = .char(c)
        } else if let found = named[rest.lowercased()] {
            key = found
        } else if rest.first == "F" || rest.first == "f", let n = Int(rest.dropFirst()), (1...24).contains(n) {
            key = .function(n)
        } else {
            throw ParseError(chord: text, reason: "not a key name (see docs/keybindings.md)")
        }
        if shift {
            switch key {
            case .tab: key = .backTab
            case .char(let c) where c.isLetter: key = .char(Character(c.uppercased()))
            default: throw ParseError(chord: text, reason: "S- goes with letters and Tab only")
            }
        }
        if modifiers.contains(.ctrl), case .char(let c) = key {
            guard c.isASCII, c.isLetter || "@[\\]^_ ".contains(c) else {
                throw ParseError(chord: text, reason: "terminals send Ctrl only with letters")
            }
            key = .char(Character(c.lowercased()))
            if c == "i" || c == "I" { return KeyEvent(.tab, modifiers.subtracting(.ctrl)) }
            if c == "m" || c == "M" { return KeyEvent(.enter, modifiers.subtracting(.ctrl)) }
        }
        return KeyEvent(key, modifiers)
    }

    /// Parses a space-separated sequence such as `g d`.
    public static func parseSequence(_ text: String) throws -> [KeyEvent] {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { throw ParseError(chord: text, reason: "empty key") }
        return try parts.map { try parse(String($0)) }
    }

    /// The canonical spelling of `event`.
    public static func format(_ event: KeyEvent) -> String {
        var prefix = ""
        if event.modifiers.contains(.ctrl) { prefix += "C-" }
        if event.modifiers.contains(.alt) { prefix += "M-" }
        if let name = printedNames[event.key] { return prefix + name }
        switch event.key {
        case .char(let c): return prefix + String(c)
        case .function(let n): return prefix + "F\(n)"
        default: return prefix + "?"
        }
    }

    /// The canonical spelling of a sequence.
    public static func format(_ sequence: [KeyEvent]) -> String {
        sequence.map(format).joined(separator: " ")
    }
}
