import Foundation
import XCTest

/// One program running in a detached tmux pane on a tmux server of its own.
///
/// Each session uses its own socket (`tmux -L crm-e2e-<uuid>`), so tests never touch the
/// user's tmux server and can run side by side. The pane gets `LANG=C.UTF-8`,
/// `TERM=xterm-256color` and `XDG_CONFIG_HOME`/`XDG_DATA_HOME`/`XDG_STATE_HOME` inside `directory`, which is
/// deleted by `close()`.
final class TmuxSession {
    let socket = "crm-e2e-" + UUID().uuidString.lowercased()
    let tmux: String
    /// A fresh temporary directory for this session: config and data homes, the tmux config.
    let directory: URL
    var configHome: URL { directory.appendingPathComponent("config") }
    var dataHome: URL { directory.appendingPathComponent("data") }
    var stateHome: URL { directory.appendingPathComponent("state") }
    private let target = "e2e"
    private var started = false
    /// Where the server's socket lives, to remove it after the server is gone.
    private var socketPath: String?

    init(tmux: String) throws {
        self.tmux = tmux
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        for dir in [configHome, dataHome] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        // Status line off so the pane is exactly the requested size; dead panes stay readable;
        // OSC 52 would set a tmux buffer (so the untrusted-text test can see that it did not).
        let config = """
            set -g status off
            set -g default-terminal xterm-256color
            set -g default-shell /bin/sh
            set -g remain-on-exit on
            set -g set-clipboard on
            set -g escape-time 0
            """
        try config.write(to: directory.appendingPathComponent("tmux.conf"), atomically: true, encoding: .utf8)
    }

    deinit { close() }

    /// The environment of the pane (and of the tmux server, which passes it on).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "CRM_DB"] { env[name] = nil }
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["XDG_CONFIG_HOME"] = configHome.path
        env["XDG_DATA_HOME"] = dataHome.path
        env["XDG_STATE_HOME"] = stateHome.path
        return env.merging(extra) { _, new in new }
    }

    /// Starts `command` (a `/bin/sh` command line) in a `columns`×`rows` pane.
    func start(command: String, columns: Int = 120, rows: Int = 40, env: [String: String] = [:]) throws {
        precondition(!started, "one command per session")
        started = true
        let result = try run(["new-session", "-d", "-s", target, "-x", String(columns), "-y", String(rows), command],
                             env: environment(env))
        guard result.status == 0 else {
            throw E2EError("tmux new-session failed (\(result.status)): \(result.output)")
        }
        socketPath = display("#{socket_path}")
    }

    /// Presses keys given by tmux key names: "g", "a", "Enter", "Tab", "BTab", "F2", "C-u", "Escape".
    func send(keys: String...) throws {
        try send(keys: keys)
    }

    func send(keys: [String]) throws {
        try tmuxOrThrow(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmuxOrThrow(["send-keys", "-t", target, "-l", "--", text])
    }

    /// The visible pane, one line per row (trailing blanks trimmed by tmux); with
    /// `joiningWrappedLines`, a line the terminal wrapped comes back as one.
    func screen(joiningWrappedLines: Bool = false) -> String {
        let join = joiningWrappedLines ? ["-J"] : []
        return (try? run(["capture-pane", "-p"] + join + ["-t", target]).output) ?? "(capture-pane failed)"
    }

    var lines: [String] {
        var lines = screen().components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A tmux format about the pane, e.g. "#{alternate_on}", "#{pane_title}".
    func display(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", target, format]).output) ?? "")
            .trimmingCharacters(in: .newlines)
    }

    /// The newest tmux paste buffer, or nil when there is none.
    func pasteBuffer() -> String? {
        guard let result = try? run(["show-buffer"]), result.status == 0 else { return nil }
        return result.output
    }

    /// Waits until `text` is on the screen; fails with the whole screen when it does not appear.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 5,
                 file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("“\(text)” on screen", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until `text` is gone from the screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: TimeInterval = 5,
                        file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("“\(text)” gone from the screen", timeout: timeout, file: file, line: line) { !$0.contains(text) }
    }

    /// Polls the screen every 50 ms until `predicate` holds; on timeout records a failure that
    /// shows the screen and throws to end the test.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 5,
                   file: StaticString = #filePath, line: UInt = #line,
                   _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = screen()
            if predicate(shown) { return shown }
            if Date() >= deadline {
                XCTFail("timed out after \(timeout) s waiting for \(what); the screen was:\n\(framed(shown))",
                        file: file, line: line)
                throw E2EError("stopped: \(what) did not happen (screen printed above)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The screen between rulers, for failure messages.
    func framed(_ shown: String? = nil) -> String {
        let rule = String(repeating: "─", count: 40)
        return "┌\(rule)\n" + (shown ?? screen()) + "└\(rule) (\(display("#{pane_width}x#{pane_height}")))"
    }

    /// Kills the tmux server (and with it the pane's processes) and deletes the directory.
    func close() {
        if started {
            _ = try? run(["kill-server"])
            started = false
        }
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        socketPath = nil
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Running tmux

    private func tmuxOrThrow(_ arguments: [String]) throws {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw E2EError("tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
    }

    private func run(_ arguments: [String], env: [String: String]? = nil) throws -> CommandResult {
        let configPath = directory.appendingPathComponent("tmux.conf").path
        return try CommandResult.run(tmux, ["-L", socket, "-f", configPath] + arguments, env: env ?? environment())
    }
}

/// A failure that ends a test; its message says what went wrong.
struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

