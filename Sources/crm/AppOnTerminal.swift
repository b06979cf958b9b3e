import Foundation
import TerminalUI

/// The app as a person runs it: `crm --db FILE --user LOGIN`, this very binary, on a
/// pseudo-terminal of a given size with `TERM=xterm-256color`. A key is timed from writing its
/// bytes to the terminal to the arrival of the last byte of the frame it draws.
final class AppOnTerminal: KeyPresser {
    /// A frame is complete once the output has paused this long and the app waits for input
    /// again. Only the last byte's arrival is reported, so the pause costs bench time, not
    /// accuracy.
    static let pause = Duration.milliseconds(10)

    private let terminal: PseudoTerminal
    /// The app's process, for its memory and its calls.
    let process: ProcessFigures
    /// From starting the process to the last byte of its first frame.
    let firstFrameMilliseconds: Double

    init(database: String, user: String, columns: Int, rows: Int) throws {
        let started = ContinuousClock.now
        terminal = try PseudoTerminal(executable: Self.executable,
                                      arguments: ["--db", database, "--user", user, "--keys", "default"],
                                      columns: columns, rows: rows, environment: ["TERM": "xterm-256color"])
        process = ProcessFigures(processID: terminal.processID)
        let first = terminal.read(quiet: Self.pause, patience: .seconds(60)) { [process] output in
            !output.bytes.isEmpty && (process.isWaitingInPoll ?? true)
        }
        guard let last = first.lastByte else {
            throw CLIError("the app drew nothing within a minute (crm --db \(database) --user \(user))")
        }
        firstFrameMilliseconds = BenchFigures.milliseconds(started.duration(to: last))
    }

    deinit { terminal.hangUp() }

    func press(_ event: KeyEvent) throws -> KeySample {
        guard let bytes = XtermKeys.bytes(for: event) else { throw CLIError("a terminal cannot send \(event)") }
        return try send(bytes)
    }

    /// Writes `text` to the terminal in one write, as a paste arrives, and times the frame the
    /// app draws once it has read it all.
    func paste(_ text: String) throws -> KeySample {
        try send(Array(text.utf8))
    }

    private func send(_ bytes: [UInt8]) throws -> KeySample {
        let writes = process.writeCalls, reads = process.readCalls
        // curses holds a lone Esc back for 25 ms (ESCDELAY) in case a sequence follows.
        let held = bytes == [0x1B] ? Duration.milliseconds(50) : .zero
        let started = ContinuousClock.now
        try terminal.type(bytes)
        let output = terminal.read(quiet: Self.pause, patience: .seconds(10)) { [process] output in
            guard started.duration(to: .now) >= held, let waiting = process.isWaitingInPoll else { return !output.bytes.isEmpty }
            return waiting && process.readCalls > reads
        }
        return KeySample(milliseconds: output.lastByte.map { BenchFigures.milliseconds(started.duration(to: $0)) } ?? 0,
                         bytes: output.bytes.count, writes: process.writeCalls - writes)
    }

    /// This program's own file, which also runs the app.
    private static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).path
    }
}
