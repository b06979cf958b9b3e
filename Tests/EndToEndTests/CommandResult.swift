import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of running a program to its end.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
    var output: String { stdout + stderr }

    /// Runs `executable` with `arguments` and waits for it, collecting its output through files.
    ///
    /// Uses `posix_spawn` and `waitpid` rather than Foundation's `Process`: `tmux` forks its
    /// server as a daemon, which inherits `Process`'s private termination socket and makes
    /// `waitUntilExit()` hang forever on Linux. The child gets no other descriptors of ours.
    static func run(_ executable: String, _ arguments: [String], env: [String: String]? = nil) throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crm-e2e-out-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        let environment = (env ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw E2EError("could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw E2EError("waitpid failed for \(executable)") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift cannot import; a signal gives 128 + its number.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return CommandResult(status: exitCode,
                             stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// This process's open file descriptors (none when /proc is not there).
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}
