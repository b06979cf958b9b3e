import CNcurses
import TerminalUI

/// Turns a `Style` into what curses draws with: attribute bits and a colour pair.
///
/// curses colours cells by pair number, and a terminal has a limited number of pairs, so
/// pairs are allocated on first use per (foreground, background) and cached. On an 8-colour
/// terminal colours are degraded with `TermColor.basic`; with `ColorDepth.none` every cell
/// uses pair 0 and only the attributes remain.
struct ColorPairs {
    private struct Colors: Hashable {
        let foreground: Int32
        let background: Int32
    }

    let depth: ColorDepth
    /// Whether `use_default_colors` worked, so `.standard` can be the terminal's own colour (-1).
    private let defaultColorsAvailable: Bool
    private var pairs: [Colors: Int32] = [:]
    private var nextPair: Int32 = 1

    /// Starts curses colour (when `depth` allows it); call once, after `newterm`.
    init(depth: ColorDepth) {
        var depth = depth
        if depth != .none, start_color() == ERR { depth = .none }
        self.depth = depth
        defaultColorsAvailable = depth != .none && use_default_colors() == OK
        if depth != .none { pairs[pairZeroColors] = 0 }
    }

    static func attributes(for style: Style) -> attr_t {
        var bits = crm_attr_normal()
        if style.attributes.contains(.bold) { bits |= crm_attr_bold() }
        if style.attributes.contains(.underline) { bits |= crm_attr_underline() }
        if style.attributes.contains(.reverse) { bits |= crm_attr_reverse() }
        if style.attributes.contains(.dim) { bits |= crm_attr_dim() }
        return bits
    }

    /// The pair that shows `style`'s colours, allocating it on first use. When the terminal
    /// runs out of pairs the default pair is used: the attributes still keep the cell readable.
    mutating func pair(for style: Style) -> Int32 {
        guard depth != .none else { return 0 }
        let colors = Colors(foreground: number(for: style.foreground, isForeground: true),
                            background: number(for: style.background, isForeground: false))
        if let pair = pairs[colors] { return pair }
        guard nextPair < Int32(crm_color_pairs()),
              init_extended_pair(nextPair, colors.foreground, colors.background) == OK else { return 0 }
        pairs[colors] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// The colours of pair 0, which curses fixes: the terminal's defaults, or white on black.
    private var pairZeroColors: Colors {
        defaultColorsAvailable ? Colors(foreground: -1, background: -1) : Colors(foreground: 7, background: 0)
    }

    private func number(for color: TermColor, isForeground: Bool) -> Int32 {
        switch depth == .basic8 ? color.basic : color {
        case .standard: return defaultColorsAvailable ? -1 : isForeground ? 7 : 0
        case .palette(let index): return Int32(index)
        }
    }
}
