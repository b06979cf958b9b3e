import TerminalUI

/// What the person asked for with `--color`; the terminal decides how much of it is possible.
public enum ColorPreference: String, Sendable, CaseIterable {
    /// Follow `NO_COLOR` and the terminal's capabilities.
    case auto
    /// Attributes only (bold, underline, reverse, dim).
    case never
    /// The eight basic colours, even where `NO_COLOR` is set.
    case basic8 = "8"
    /// The 256-colour palette, even where `NO_COLOR` is set.
    case palette256 = "256"

    /// The colour depth to use, given the `NO_COLOR` variable and how many colours the
    /// terminal's terminfo entry offers (0 when it has none). An explicit choice overrides
    /// `NO_COLOR` but never asks for more colours than the terminal has.
    public func depth(noColor: String?, terminalColors: Int) -> ColorDepth {
        let available: ColorDepth = terminalColors >= 256 ? .palette256 : terminalColors >= 8 ? .basic8 : .none
        switch self {
        case .never: return .none
        case .auto: return (noColor ?? "").isEmpty ? available : .none
        case .basic8: return available == .none ? .none : .basic8
        case .palette256: return available
        }
    }
}
