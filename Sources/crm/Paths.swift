import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where crm keeps its files, following the XDG base directory convention.
enum Paths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    private static func base(_ variable: String, fallback: String) -> URL {
        if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(fallback)
    }

    /// `$XDG_DATA_HOME/crm` (usually `~/.local/share/crm`).
    static var dataDirectory: URL { base("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("crm") }
    /// `$XDG_CONFIG_HOME/crm` (usually `~/.config/crm`).
    static var configDirectory: URL { base("XDG_CONFIG_HOME", fallback: ".config").appendingPathComponent("crm") }

    /// `$XDG_STATE_HOME/crm` (usually `~/.local/state/crm`): the crash report.
    static var stateDirectory: URL { base("XDG_STATE_HOME", fallback: ".local/state").appendingPathComponent("crm") }

    /// Where a crash's report goes, with its folder made; `nil` when the folder cannot be made
    /// (the report then goes to the terminal after the app has left it).
    static func crashReport() -> String? {
        let directory = stateDirectory
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        return directory.appendingPathComponent("crash.log").path
    }

    static var defaultDatabase: String { dataDirectory.appendingPathComponent("crm.sqlite").path }
    static var demoDatabase: String { dataDirectory.appendingPathComponent("demo.sqlite").path }
    static var userKeymap: URL { configDirectory.appendingPathComponent("keymap.toml") }
    static var configFile: URL { configDirectory.appendingPathComponent("config.toml") }

    /// The database to use: `--db`, else `$CRM_DB`, else the default (or the demo database).
    static func database(option: String?, demo: Bool) -> String {
        if let option { return option }
        if demo { return demoDatabase }
        return environment["CRM_DB"] ?? defaultDatabase
    }

    /// Makes the directory that will hold `path`, with a clear error when that is impossible.
    static func prepareDirectory(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(directory.path) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the directory \(directory.path): \(error.localizedDescription)")
        }
    }

    /// The OS login name of this process.
    /// Read from the password database, not from `$USER`, which anyone can set.
    static var osLogin: String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

/// A failure the user can fix, printed as one line `crm: …` with a non-zero exit code.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    let exitCode: Int32
    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}
