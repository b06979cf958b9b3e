import CRMCore
import TerminalUI

/// The styles every screen draws with, chosen once for the terminal's colour depth.
///
/// Each style keeps a colour-free meaning in its attributes (reverse for selection, bold for
/// headers), so the app stays usable with NO_COLOR and on monochrome terminals.
public struct Theme: Sendable {
    public var plain = Style.plain
    public var menuBar = Style(attributes: .reverse)
    public var menuActive = Style(attributes: [.bold, .underline])
    public var tab = Style.plain
    public var tabActive = Style(attributes: [.bold, .reverse])
    public var header = Style(attributes: .bold)
    public var selected = Style(attributes: .reverse)
    public var sidebar = Style.plain
    public var sidebarKey = Style(attributes: .bold)
    public var status = Style(attributes: .reverse)
    public var statusError = Style(attributes: [.reverse, .bold])
    public var error = Style(attributes: .bold)
    public var dim = Style(attributes: .dim)
    public var border = Style.plain
    public var accent = Style(attributes: .bold)
    public var input = Style(attributes: .underline)
    public var favourite = Style(attributes: .bold)
    /// The colour tag of each pipeline status colour; without colours the tag's letter and
    /// name carry it (bold).
    public var statusTags: [StatusColour: Style] = [:]

    /// The style of a status colour tag.
    public func tag(_ colour: StatusColour) -> Style { statusTags[colour] ?? accent }

    public init(depth: ColorDepth) {
        guard depth != .none else { return }
        let wide = depth == .palette256
        let navy: TermColor = wide ? .palette(24) : .blue
        let slate: TermColor = wide ? .palette(236) : .black
        menuBar = Style(foreground: .white, background: navy)
        menuActive = Style(foreground: .black, background: wide ? .palette(220) : .yellow, attributes: .bold)
        tabActive = Style(foreground: .white, background: wide ? .palette(31) : .cyan, attributes: .bold)
        header = Style(foreground: wide ? .palette(110) : .cyan, attributes: .bold)
        selected = Style(foreground: .black, background: wide ? .palette(117) : .cyan)
        sidebar = Style(foreground: wide ? .palette(252) : .white, background: slate)
        // Keys differ from their labels by colour only: xterm has no "bold off", so each switch
        // back from bold costs a reset and both colours again, on every line of the sidebar.
        sidebarKey = Style(foreground: wide ? .palette(220) : .yellow, background: slate)
        status = Style(foreground: .white, background: navy)
        statusError = Style(foreground: .white, background: .red, attributes: .bold)
        error = Style(foreground: wide ? .palette(203) : .red, attributes: .bold)
        dim = Style(foreground: wide ? .palette(244) : .white, attributes: .dim)
        border = Style(foreground: wide ? .palette(67) : .blue)
        accent = Style(foreground: wide ? .palette(220) : .yellow, attributes: .bold)
        input = Style(foreground: .white, background: wide ? .palette(238) : .black, attributes: .underline)
        favourite = Style(foreground: wide ? .palette(220) : .yellow, attributes: .bold)
        let tagColours: [StatusColour: TermColor] = [
            .grey: wide ? .palette(246) : .white, .blue: wide ? .palette(33) : .blue, .cyan: .cyan,
            .green: wide ? .palette(35) : .green, .yellow: wide ? .palette(220) : .yellow,
            .magenta: wide ? .palette(170) : .magenta, .red: wide ? .palette(203) : .red, .white: .white,
        ]
        statusTags = tagColours.mapValues { Style(foreground: $0, attributes: .bold) }
    }
}

/// The widgets of TerminalUI draw with the theme's styles of the same names.
extension Theme: WidgetTheme {}
