/// What the app needs from a terminal: a size, a way to show a frame, and keys.
///
/// `TerminalUICurses` implements it on ncursesw; `TerminalUITesting` in memory for tests.
/// The app never learns which one it is talking to.
public protocol TerminalBackend: AnyObject {
    /// Current size in columns and rows.
    var size: (columns: Int, rows: Int) { get }
    /// How many colours the terminal shows (after NO_COLOR and TERM are considered).
    var colorDepth: ColorDepth { get }
    /// Shows `frame`, writing only what changed since the last one unless `fullRedraw`.
    func present(_ frame: ScreenBuffer, fullRedraw: Bool)
    /// The next key, or nil when `timeoutMilliseconds` pass without one.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// True once the terminal has gone (hung up, or closed under the app without a SIGHUP):
    /// no key will come any more and nothing drawn is seen, so the app ends.
    var hasHungUp: Bool { get }
    /// Restores the terminal; safe to call more than once.
    func shutdown()
}
