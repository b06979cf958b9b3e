import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal this process owns, with a program running on its other side the way a
/// terminal emulator runs one: the program leads a new session whose controlling terminal is
/// the pty, so it sees a real tty of the given size, and closing the pty hangs it up.
/// `crm bench` types keys into it and reads back what the app draws.
final class PseudoTerminal {
    /// What the program wrote, and when the last of it arrived.
    struct Output {
        var bytes: [UInt8] = []
        /// When the read that returned the last byte came back; nil when nothing arrived.
        var lastByte: ContinuousClock.Instant?
    }

    /// The program's process id.
    let processID: pid_t
    private var master: Int32
    private var exitStatus: Int32?
    private let clock = ContinuousClock()

    /// Starts `executable` (a path) with `arguments` on a new pty of `columns` x `rows`; its
    /// environment is this process's with `environment` laid over it.
    init(executable: String, arguments: [String], columns: Int, rows: Int,
         environment: [String: String] = [:]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw CLIError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        do {
            processID = try Self.spawn(executable, arguments: arguments, terminal: String(cString: ttyname(slave)),
                                       environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        } catch {
            close(master)
            throw error
        }
    }

    deinit {
        if exitStatus == nil { _ = hangUp() }
    }

    /// Sends `bytes` as if they were typed.
    func type(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw CLIError("cannot write to the pseudo-terminal: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    /// Reads what the program writes until it has paused for `quiet` and `isDone` (asked at
    /// each such pause, with what came so far) agrees, or until `patience` has passed without
    /// a byte. Returns early when the program closes its side.
    func read(quiet: Duration, patience: Duration, until isDone: (Output) -> Bool = { _ in true }) -> Output {
        var output = Output()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var lastNews = clock.now
        while true {
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let waited = poll(&ready, 1, Int32(milliseconds(quiet)))
            if waited < 0, errno == EINTR { continue }
            if waited <= 0 {
                if isDone(output) || lastNews.duration(to: clock.now) >= patience { return output }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            // EIO: every copy of the other side is closed, the program has gone.
            guard count > 0 else { return output }
            output.bytes += buffer[0..<count]
            lastNews = clock.now
            output.lastByte = lastNews
        }
    }

    /// Reads until the program has closed its side (usually: it exited) and returns its exit
    /// status, as `waitpid` reports it.
    func waitForExit() -> Int32 {
        while !read(quiet: .milliseconds(100), patience: .zero).bytes.isEmpty {}
        return reap()
    }

    /// Hangs up (closes the pty, which sends SIGHUP to the program's session) and waits for
    /// the program to end; returns its exit status.
    @discardableResult
    func hangUp() -> Int32 {
        closeTerminal()
        return reap()
    }

    private func reap() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        exitStatus = status
        closeTerminal()
        return status
    }

    private func closeTerminal() {
        guard master >= 0 else { return }
        close(master)
        master = -1
    }

    /// Whole milliseconds in `duration`, rounded up, so a wait never ends early.
    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }

    /// `POSIX_SPAWN_SETSID`: a GNU extension (glibc 2.26) the Glibc module does not show.
    private static let startsNewSession: Int16 = 0x80

    /// Starts the program as the leader of a new session with `terminal` as its standard
    /// input, output and error; opening it there makes it the session's controlling terminal.
    /// Signals start with their default actions and none blocked, as from a login shell.
    private static func spawn(_ executable: String, arguments: [String], terminal: String,
                              environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, startsNewSession | Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var processID: pid_t = 0
        let status = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw CLIError("cannot start \(executable) on a pseudo-terminal: \(String(cString: strerror(status)))")
        }
        return processID
    }
}
