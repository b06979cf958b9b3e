import CNcurses
import TerminalUI

/// One unit of curses input: what `wget_wch` returned.
enum RawKey: Equatable {
    /// A character (`OK`): printable text or a control byte.
    case character(UInt32)
    /// A curses key code (`KEY_CODE_YES`): `KEY_UP`, `KEY_RESIZE`, an extended code, ...
    case keyCode(Int32)
}

/// Maps curses input to the backend-independent `KeyEvent`, one raw key at a time.
///
/// ESC followed by another key (Alt) needs a second read, so that part lives in
/// `CursesTerminal.readKey`.
enum KeyDecoder {
    /// The key `raw` stands for, or nil for input the app has no name for.
    static func decode(_ raw: RawKey) -> KeyEvent? {
        switch raw {
        case .character(let value): return character(value)
        case .keyCode(let code): return keyCode(code)
        }
    }

    private static func character(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 0: return .ctrl(" ")
        case 8, 127: return KeyEvent(.backspace)
        case 9: return KeyEvent(.tab)
        case 10, 13: return KeyEvent(.enter)
        case 27: return KeyEvent(.escape)
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28...31: return .ctrl(Array(#"\]^_"#)[Int(value - 28)])
        case 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .char(Character($0)) }
        }
    }

    private static let keyCodes: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_IC: .insert, KEY_DC: .delete, KEY_BACKSPACE: .backspace,
        KEY_ENTER: .enter, KEY_BTAB: .backTab, KEY_RESIZE: .resize,
        // Shift cannot be reported (shifted letters are upper case), so Shift+key is the key.
        KEY_SR: .up, KEY_SF: .down, KEY_SLEFT: .left, KEY_SRIGHT: .right,
        KEY_SHOME: .home, KEY_SEND: .end, KEY_SIC: .insert, KEY_SDC: .delete,
    ]

    private static func keyCode(_ code: Int32) -> KeyEvent? {
        if let key = keyCodes[code] { return KeyEvent(key) }
        if code > KEY_F0, code < KEY_F0 + 64 { return KeyEvent(.function(Int(code - KEY_F0))) }
        guard let name = keyname(code) else { return nil }
        return modifiedKey(named: String(cString: name))
    }

    private static let modifiable: [Substring: Key] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kPRV": .pageUp, "kNXT": .pageDown, "kIC": .insert, "kDC": .delete,
    ]

    /// xterm-style modified keys, which ncurses reports as extended codes named after their
    /// terminfo capability: `kUP5` is Ctrl-Up, `kLFT3` Alt-Left. The digit is 1 + a bit set
    /// of shift (1), alt (2) and ctrl (4).
    private static func modifiedKey(named name: String) -> KeyEvent? {
        guard let digit = name.last?.wholeNumberValue, (2...8).contains(digit),
              let key = modifiable[name.dropLast()] else { return nil }
        var modifiers: KeyModifiers = []
        if (digit - 1) & 2 != 0 { modifiers.insert(.alt) }
        if (digit - 1) & 4 != 0 { modifiers.insert(.ctrl) }
        return KeyEvent(key, modifiers)
    }
}
