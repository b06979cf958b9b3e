import CNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Running the real curses code without a terminal, for tests: curses draws into its own
/// memory and writes its escape sequences to a file, and what it holds can be read back.
extension CursesTerminal {
    /// A terminal of `columns` x `rows` that writes its output to `outputPath` (count that
    /// file's bytes to measure what a frame costs) and reads no input: `readKey` returns the
    /// `.resize` curses queues on start-up, then only keys pushed with `unget_wch`/`ungetch`.
    /// `NO_COLOR` is not consulted, so results do not depend on the environment.
    public convenience init(headlessColumns columns: Int, rows: Int, term: String = "xterm-256color",
                            colorPreference: ColorPreference = .auto,
                            outputPath: String = "/dev/null") throws {
        Self.chooseUTF8Locale()
        guard let output = fopen(outputPath, "w") else { throw CursesTerminalError.cannotOpen(path: outputPath) }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            throw CursesTerminalError.cannotOpen(path: "/dev/null")
        }
        guard let screen = newterm(term, output, input) else {
            fclose(output)
            fclose(input)
            throw CursesTerminalError.unknownTerminal(term: term)
        }
        self.init(screen: screen, colorPreference: colorPreference, noColor: nil,
                  files: [output, input], restoresOnSignals: false)
        resizeterm(Int32(rows), Int32(columns))
    }

    /// The bytes sent to the output file so far: what a frame costs is the difference.
    public var bytesSent: Int {
        guard let output = files.first else { return 0 }
        var status = stat()
        return fstat(fileno(output), &status) == 0 ? Int(status.st_size) : 0
    }

    /// The text curses holds for row `y`, wide characters once each.
    public func renderedLine(_ y: Int) -> String {
        guard screen != nil else { return "" }
        var buffer = [wchar_t](repeating: 0, count: size.columns * Int(CCHARW_MAX) + 1)
        guard mvwinnwstr(window, Int32(y), 0, &buffer, Int32(buffer.count - 1)) != ERR else { return "" }
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The style curses holds for the cell at (x, y), colours as curses shows them
    /// (after degrading to 8 colours, or `.standard` with no colour).
    public func renderedStyle(x: Int, y: Int) -> Style {
        guard screen != nil else { return .plain }
        var cchar = cchar_t()
        var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        var foreground: Int32 = -1, background: Int32 = -1
        mvwin_wch(window, Int32(y), Int32(x), &cchar)
        crm_getcchar(&cchar, &text, &attributes, &pair)
        if colorDepth != .none { extended_pair_content(pair, &foreground, &background) }
        let color = { (number: Int32) in number < 0 ? TermColor.standard : .palette(UInt8(number)) }
        var style = Style(foreground: color(foreground), background: color(background))
        let bits: [(attr_t, TextAttributes)] = [
            (crm_attr_bold(), .bold), (crm_attr_underline(), .underline),
            (crm_attr_reverse(), .reverse), (crm_attr_dim(), .dim),
        ]
        for (bit, attribute) in bits where attributes & bit != 0 { style.attributes.insert(attribute) }
        return style
    }
}
