import ArgumentParser
import CRMStore
import Foundation
import TerminalUI

/// `crm backup FILE`: a consistent copy of the database, safe while people work and while
/// `crm serve` takes leads; no other tool (such as the sqlite3 shell) is needed.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a new file, safely while people work.")

    @Argument(help: "The new file to write (it must not exist yet), e.g. /srv/crm/backups/crm-2026-12-07.sqlite.")
    var file: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
        try CLIRunner.run {
            let source = try database.openExisting()
            try Paths.prepareDirectory(for: file)
            guard !FileManager.default.fileExists(atPath: file) else {
                throw CLIError("\(file) exists already; name a new file", exitCode: 2)
            }
            let bar = ProgressBar()
            try source.backup(to: file) { bar.update(phase: "copying", fraction: $0) }
            bar.finish()
            CLIRunner.printSafely("Backed up \(database.path) to \(file)")
        }
    }
}
