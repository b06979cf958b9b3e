import ArgumentParser
import CRMStore
import Foundation

/// `--db` and `--demo`, as every subcommand that works on a database takes them.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $CRM_DB or ~/.local/share/crm/crm.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Use the demo database, creating it on first use (acting as 'admin' unless --user).")
    var demo = false

    var path: String { Paths.database(option: db, demo: demo) }

    /// Opens the database, which must exist already (the demo database is made on first use):
    /// a command that only reads or needs a user never leaves a new empty file behind.
    func openExisting() throws -> AppDatabase {
        let path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard demo else {
                throw CLIError("""
                    there is no crm database at \(path) yet.
                    Create it by adding the first user: crm user add LOGIN --role admin\(db == nil ? "" : " --db \(path)")
                    or try the demo: crm --demo
                    """, exitCode: 3)
            }
            try DemoCommand.generate(scale: .small, path: path)
        }
        return try CLIRunner.openDatabase(path)
    }

    /// The login a command acts as when `--user` is not given: admin on the demo, else the OS login.
    func defaultLogin(_ user: String?) -> String {
        user ?? (demo ? "admin" : Paths.osLogin ?? "")
    }
}
