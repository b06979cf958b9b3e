/// Why curses could not start; the description is shown to the person as is.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or no tty at all).
    case notATerminal(stream: String)
    /// `TERM` is unset or names a terminal the terminfo database does not know.
    case unknownTerminal(term: String?)
    /// A file the headless terminal writes to or reads from could not be opened.
    case cannotOpen(path: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream): "crm needs a terminal (\(stream) is not a terminal)"
        case .unknownTerminal(nil): "crm needs a terminal (TERM is not set)"
        case .unknownTerminal(let term?): "crm needs a terminal (TERM=\(term) is unknown)"
        case .cannotOpen(let path): "cannot open \(path) for a headless terminal"
        }
    }
}
