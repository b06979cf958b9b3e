/// A key as the app sees it, independent of the backend that decoded it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete, backspace
    case enter, tab, backTab, escape
    case function(Int)
    /// The terminal changed size; not a key a person binds.
    case resize
}

/// Modifier keys that terminals can actually report.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let ctrl = KeyModifiers(rawValue: 1 << 0)
    public static let alt = KeyModifiers(rawValue: 1 << 1)
}

/// One keypress: a key plus Ctrl/Alt. Shifted letters arrive as upper-case characters.
public struct KeyEvent: Sendable, Hashable, CustomStringConvertible {
    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, _ modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public static func char(_ c: Character) -> KeyEvent { KeyEvent(.char(c)) }
    public static func ctrl(_ c: Character) -> KeyEvent { KeyEvent(.char(c), .ctrl) }

    /// The printable character this key types into a text field, if any.
    public var typedCharacter: Character? {
        guard modifiers.isEmpty, case .char(let c) = key else { return nil }
        return c
    }

    /// The canonical chord spelling (the one keymap files and the help overlay use).
    public var description: String { KeyChord.format(self) }
}
