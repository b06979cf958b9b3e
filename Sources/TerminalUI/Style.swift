/// A terminal colour as the app asks for it; the backend degrades it to what the terminal can show.
public enum TermColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case standard
    /// One of the 256 xterm palette entries (0–7 are the basic ANSI colours).
    case palette(UInt8)

    public static let black = TermColor.palette(0)
    public static let red = TermColor.palette(1)
    public static let green = TermColor.palette(2)
    public static let yellow = TermColor.palette(3)
    public static let blue = TermColor.palette(4)
    public static let magenta = TermColor.palette(5)
    public static let cyan = TermColor.palette(6)
    public static let white = TermColor.palette(7)

    /// The nearest of the eight basic colours, for terminals that have only those.
    public var basic: TermColor {
        guard case .palette(let index) = self else { return self }
        switch index {
        case 0..<8: return self
        case 8..<16: return .palette(index - 8)
        case 232...255: return index < 244 ? .black : .white
        default:
            // 6x6x6 colour cube: pick the dominant channels.
            let cube = Int(index) - 16
            let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
            let bright = max(r, g, b)
            if bright < 2 { return .black }
            let bit = { (c: Int) in c * 2 >= bright + 1 ? 1 : 0 }
            let code = bit(r) | bit(g) << 1 | bit(b) << 2
            return .palette(UInt8(code))
        }
    }
}

/// Text attributes that survive on every terminal, including monochrome ones.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks: colours plus attributes.
///
/// Styles carry a colour-free fallback in their attributes, so a screen stays readable with
/// NO_COLOR or on a monochrome terminal (selection is reverse video, headers are bold).
public struct Style: Sendable, Hashable {
    public var foreground: TermColor
    public var background: TermColor
    public var attributes: TextAttributes

    public init(foreground: TermColor = .standard, background: TermColor = .standard,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    public func with(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}

/// How many colours the terminal can show, decided once at start-up.
public enum ColorDepth: Sendable, Equatable {
    case none, basic8, palette256
}
