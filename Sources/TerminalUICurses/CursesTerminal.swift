import CNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw.
///
/// It keeps the last frame and hands curses only the cells that changed, then lets curses'
/// own optimiser send the difference with one `doupdate` per frame, so moving a cursor in a
/// list costs a few hundred bytes, which matters over slow SSH links. Runs in `cbreak` mode:
/// Ctrl-Z suspends and resumes through curses' own SIGTSTP handling, Ctrl-C restores the
/// terminal and exits with status 130. Use it from the main thread, one instance at a time.
public final class CursesTerminal: TerminalBackend {
    public let colorDepth: ColorDepth
    /// The curses screen; nil once shut down.
    private(set) var screen: OpaquePointer?
    let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorPairs
    /// The last frame presented; nil forces the next one to be drawn in full.
    private var previous: ScreenBuffer?
    /// A key read while looking for Alt after ESC that turned out not to belong to it.
    private var pending: RawKey?
    /// The files a headless terminal writes to and reads from (output first); closed on shutdown.
    let files: [UnsafeMutablePointer<FILE>]
    private let restoresOnSignals: Bool
    public private(set) var hasHungUp = false

    /// Takes over the terminal on standard input and output. A crash writes its report to
    /// `crashReport` (a file whose folder exists) instead of the terminal.
    ///
    /// - Throws: `CursesTerminalError.notATerminal` when either is not a tty,
    ///   `.unknownTerminal` when `TERM` is unset or has no terminfo entry.
    public convenience init(colorPreference: ColorPreference = .auto, crashReport: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "standard output") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw CursesTerminalError.unknownTerminal(term: nil)
        }
        Self.chooseUTF8Locale()
        TerminalRestore.install(crashReport: crashReport)
        guard let screen = newterm(nil, crm_stdout(), crm_stdin()) else {
            TerminalRestore.uninstall()
            throw CursesTerminalError.unknownTerminal(term: term)
        }
        self.init(screen: screen, colorPreference: colorPreference,
                  noColor: getenv("NO_COLOR").map { String(cString: $0) }, files: [], restoresOnSignals: true)
    }

    /// Sets up a screen `newterm` returned; the public initialisers differ only in where
    /// input and output go.
    init(screen: OpaquePointer, colorPreference: ColorPreference, noColor: String?,
         files: [UnsafeMutablePointer<FILE>], restoresOnSignals: Bool) {
        self.screen = screen
        self.files = files
        self.restoresOnSignals = restoresOnSignals
        window = crm_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)  // the cursor is hidden: never spend bytes moving it
        idlok(window, true)  // let curses scroll lines instead of redrawing them
        typeahead(-1)  // finish every frame even while keys are pending
        if restoresOnSignals { Self.disableFlowControl() }
        let terminalColors = has_colors() ? Int(tigetnum("colors")) : 0
        colors = ColorPairs(depth: colorPreference.depth(noColor: noColor, terminalColors: terminalColors))
        colorDepth = colors.depth
        Self.leaveInitialState()
    }

    /// ncurses 6 flushes its output buffer after every cursor move while a screen is in the
    /// state `newterm` leaves it in (`_nc_mvcur` tests `_endwin == ewInitial`, meant for
    /// programs that use terminfo without a screen), so a frame left in dozens of `write()`
    /// calls of ~24 bytes. Only coming back from `endwin` (as after Ctrl-Z) ends that state,
    /// so curses mode is left and taken up again here, before anything is drawn; from then on
    /// a frame leaves curses' buffer in one write (a few for a whole screen: the buffer holds
    /// about one screenful). Coming back at once keeps the terminal in curses' input mode.
    private static func leaveInitialState() {
        endwin()
        doupdate()
    }

    deinit { shutdown() }

    /// Lets Ctrl-S and Ctrl-Q reach the app (XON/XOFF would otherwise freeze the screen on
    /// Ctrl-S, the save key), and records that as curses' program mode so it survives Ctrl-Z.
    /// `endwin` restores the shell's own settings on exit.
    private static func disableFlowControl() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        def_prog_mode()
    }

    public var size: (columns: Int, rows: Int) {
        guard screen != nil else { return (0, 0) }
        return (Int(crm_columns(window)), Int(crm_rows(window)))
    }

    public func present(_ frame: ScreenBuffer, fullRedraw: Bool) {
        guard screen != nil else { return }
        let full = fullRedraw || previous?.width != frame.width || previous?.height != frame.height
        if full {
            werase(window)
            clearok(window, true)
        }
        let (columns, rows) = size
        for y in 0..<min(frame.height, rows) {
            for x in 0..<min(frame.width, columns) {
                let cell = frame[x, y]
                guard !cell.isContinuation, x + Int(cell.width) <= columns else { continue }
                if !full, previous?[x, y] == cell { continue }
                draw(cell, x: x, y: y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = frame
    }

    /// Waits up to `timeoutMilliseconds` (forever when negative) for a key.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard screen != nil else { return nil }
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(max(0, timeoutMilliseconds))
        while true {
            let remaining = timeoutMilliseconds < 0 ? -1 : max(0, Int((deadline - clock.now) / .milliseconds(1)))
            guard let raw = readRaw(timeoutMilliseconds: remaining) else { return nil }
            if let event = event(startingWith: raw) { return event }
            // Input with no name (an unmapped key code) is skipped within the same deadline.
            if timeoutMilliseconds >= 0, clock.now >= deadline { return nil }
        }
    }

    public func shutdown() {
        guard let screen else { return }
        endwin()
        if restoresOnSignals { TerminalRestore.uninstall() }
        delscreen(screen)
        self.screen = nil
        previous = nil
        for file in files { fclose(file) }
    }

    /// curses needs a UTF-8 locale to read and draw anything beyond ASCII; under the C locale
    /// box drawing turns into `lqqk`.
    static func chooseUTF8Locale() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) }
        if chosen == nil || chosen == "C" || chosen == "POSIX" { setlocale(LC_ALL, "C.UTF-8") }
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var text = cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        if let first = text.first, first >= 0x20, !(0x7F..<0xA0).contains(first) {
            text.append(0)
        } else {
            text = [0x20, 0]  // empty or a control character: never send it raw
        }
        var cchar = cchar_t()
        crm_setcchar(&cchar, text, ColorPairs.attributes(for: cell.style), colors.pair(for: cell.style))
        mvwadd_wch(window, Int32(y), Int32(x), &cchar)
    }

    /// Decodes one key, reading ahead after ESC: a key that follows at once makes it Alt+key,
    /// except a second ESC — Esc pressed twice quickly backs out of two screens.
    private func event(startingWith raw: RawKey) -> KeyEvent? {
        if raw == .character(27), let next = readRaw(timeoutMilliseconds: 0) {
            if next != .character(27), let inner = KeyDecoder.decode(next), inner.key != .resize {
                return KeyEvent(inner.key, inner.modifiers.union(.alt))
            }
            pending = next
            return KeyEvent(.escape)
        }
        let event = KeyDecoder.decode(raw)
        if event?.key == .resize { previous = nil }
        return event
    }

    private func readRaw(timeoutMilliseconds: Int) -> RawKey? {
        if let key = pending {
            pending = nil
            return key
        }
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var value: wint_t = 0
        errno = 0
        switch wget_wch(window, &value) {
        case OK: return .character(value)
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: value))
        default:
            if errno == EIO || inputHasHungUp { hasHungUp = true }
            return nil
        }
    }

    /// Whether the terminal on standard input has hung up: a read there then fails at once
    /// (EIO) or finds the end, which `wget_wch` reports like a timeout. (A headless terminal,
    /// the one with `files`, reads /dev/null and never hangs up.)
    private var inputHasHungUp: Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard files.isEmpty, poll(&input, 1, 0) > 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }
}
