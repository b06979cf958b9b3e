import Foundation
import XCTest

/// Base class of the end-to-end tests: finds the built `crm` binary and `tmux` (failing, not
/// skipping, when either is missing), makes a fresh demo database per test, and starts the
/// app in tmux sessions that are torn down after the test.
class EndToEndTestCase: XCTestCase {
    private(set) var crm = ""
    private(set) var tmux = ""
    /// This test's temporary directory (the demo database lives here).
    private(set) var workDirectory = URL(fileURLWithPath: "/nonexistent")
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard let crm = Self.locateCRM() else {
            XCTFail("the crm binary was not found: not at $CRM_E2E_BINARY, not next to the test bundle "
                + "(\(Bundle.main.bundleURL.path)), not in .build/debug above \(#filePath); build it with `swift build`")
            throw E2EError("crm binary missing")
        }
        guard let tmux = Self.locateInPath("tmux") else {
            XCTFail("tmux is not installed (needed by the end-to-end tests): apt-get install tmux")
            throw E2EError("tmux missing")
        }
        self.crm = crm
        self.tmux = tmux
        workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-e2e-" + UUID().uuidString.lowercased())
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        for session in sessions { session.close() }
        sessions = []
        try? FileManager.default.removeItem(at: workDirectory)
        super.tearDown()
    }

    // MARK: - Databases and the CLI

    /// A fresh demo database (small scale, deterministic) in this test's directory.
    func makeDemoDatabase(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let db = workDirectory.appendingPathComponent("demo.sqlite")
        let result = try runCRM(["demo", "--db", db.path])
        guard result.status == 0 else {
            XCTFail("crm demo failed with \(result.status):\n\(result.output)", file: file, line: line)
            throw E2EError("no demo database")
        }
        return db
    }

    /// Runs `crm arguments` to its end, outside tmux, with the test environment.
    func runCRM(_ arguments: [String], env: [String: String] = [:]) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["XDG_CONFIG_HOME"] = workDirectory.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = workDirectory.appendingPathComponent("data").path
        environment["CRM_DB"] = nil
        return try CommandResult.run(crm, arguments, env: environment.merging(env) { _, new in new })
    }

    // MARK: - The app in tmux

    /// A new tmux session (not yet started), closed at the end of the test.
    func makeSession() throws -> TmuxSession {
        let session = try TmuxSession(tmux: tmux)
        sessions.append(session)
        return session
    }

    /// Starts `crm --db db --user user` in a new tmux session. The pane runs
    /// `crm …; echo EXITED:$?` and then stays open, so the exit code and the restored
    /// terminal can be read after the app ends. The app's pid is written to `pidFile(of:)`.
    func launchApp(db: URL, user: String = "admin", columns: Int = 120, rows: Int = 40,
                   arguments: [String] = [], prepare: (TmuxSession) throws -> Void = { _ in }) throws -> TmuxSession {
        let session = try makeSession()
        try prepare(session)
        let app = ([crm, "--db", db.path, "--user", user] + arguments).map(shellQuoted).joined(separator: " ")
        let pidFile = shellQuoted(pidFile(of: session).path)
        // The inner sh records its pid and becomes crm; the outer one reports how crm ended and
        // then waits, so tmux never races the last output of a finished pane.
        let command = "sh -c 'echo $$ > \"$0\"; exec \"$@\"' \(pidFile) \(app); echo EXITED:$?; exec sleep 600"
        try session.start(command: command, columns: columns, rows: rows)
        return session
    }

    func pidFile(of session: TmuxSession) -> URL {
        session.directory.appendingPathComponent("crm.pid")
    }

    /// The pid of the crm process started by `launchApp`.
    func appPID(of session: TmuxSession) throws -> pid_t {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let text = try? String(contentsOf: pidFile(of: session), encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError("the app's pid file \(pidFile(of: session).path) never appeared")
    }

    /// Waits until the app shows its accounts list with rows; returns the screen.
    @discardableResult
    func waitForAccountsList(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try session.waitFor("All accounts", file: file, line: line)
        return try session.waitUntil("a filled accounts list", file: file, line: line) {
            (ScreenText.accountCount(in: $0) ?? 0) > 0 && ScreenText.firstListedName(in: $0) != nil
        }
    }

    /// The first account on the list and a word of its name that the quick filter finds it by.
    func firstAccount(on screen: String, of session: TmuxSession,
                      file: StaticString = #filePath, line: UInt = #line) throws -> (shown: String, word: String) {
        guard let shown = ScreenText.firstListedName(in: screen), let word = ScreenText.filterWord(for: shown) else {
            XCTFail("could not read an account name off the list:\n\(session.framed(screen))", file: file, line: line)
            throw E2EError("no account name on screen")
        }
        return (shown, word)
    }

    /// Sets the quick filter to `text` and keeps it (`\` clears, `/` types, `Enter` keeps).
    func filter(_ session: TmuxSession, _ text: String, expecting visible: String,
                file: StaticString = #filePath, line: UInt = #line) throws {
        try session.send(keys: "\\")
        try session.send(keys: "/")
        try session.type(text)
        try session.waitFor("Filter: \(text)", file: file, line: line)
        try session.send(keys: "Enter")
        try session.waitFor(visible, file: file, line: line)
    }

    /// Asserts the pane's terminal is back to normal: main screen, cursor visible, keypad mode off.
    func assertTerminalRestored(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        let state = session.display("alternate=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}")
        XCTAssertEqual(state, "alternate=0 cursor=1 keypad=0",
                       "the terminal was not restored; the screen was:\n\(session.framed())", file: file, line: line)
    }

    // MARK: - Locating programs

    static func locateCRM(filePath: String = #filePath) -> String? {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["CRM_E2E_BINARY"] {
            return fileManager.isExecutableFile(atPath: override) ? override : nil
        }
        let besideBundle = Bundle.main.bundleURL.appendingPathComponent("crm").path
        if fileManager.isExecutableFile(atPath: besideBundle) { return besideBundle }
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(".build/debug/crm").path
            if fileManager.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func locateInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// `text` quoted for /bin/sh.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
