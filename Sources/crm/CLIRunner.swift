import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// Shared plumbing of the subcommands: opening the database and reporting errors as one
/// plain line on standard error with a meaningful exit code (never a stack trace).
enum CLIRunner {
    /// Runs `body`, turning known errors into `crm: message` and an exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            printError(error.description)
            throw ExitCode(error.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError(ErrorText.describe(error))
            throw ExitCode(1)
        }
    }

    /// Prints one line that may hold stored text (names, conditions, explanations) with every
    /// control character made visible, so nothing in it acts on the user's terminal.
    static func printSafely(_ line: String) {
        print(SafeText.sanitize(line))
    }

    /// Prints `crm: message` on standard error. Messages often echo what was typed or stored (a
    /// name that is taken, a file name), so each line is escaped as `printSafely` escapes.
    static func printError(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }
        FileHandle.standardError.write(Data("crm: \(lines.joined(separator: "\n"))\n".utf8))
    }

    /// Opens (creating when new) the database at `path`.
    static func openDatabase(_ path: String) throws -> AppDatabase {
        try Paths.prepareDirectory(for: path)
        return try AppDatabase.open(path: path)
    }

    /// Runs `body` on the database at `path`, creating the file when it is new; when the file
    /// is new and `body` fails, the file goes again, so a refused command leaves nothing behind.
    static func withDatabase<T>(_ path: String, _ body: (AppDatabase) throws -> T) throws -> T {
        let isNew = !FileManager.default.fileExists(atPath: path)
        do {
            return try body(try openDatabase(path))
        } catch {
            if isNew { removeDatabaseFiles(path) }
            throw error
        }
    }

    /// Removes a database file with its WAL and shared-memory files.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Finds the user the app runs as; a clear message and exit code 3 when unknown.
    static func resolveUser(_ login: String, in database: AppDatabase, path: String) throws -> User {
        guard let user = try database.users.find(login: login) else {
            throw CLIError("""
                there is no crm user "\(login)" in \(path).
                An administrator can add one: crm user add \(login) --role sales-rep
                """, exitCode: 3)
        }
        guard user.active else { throw CLIError("the crm user \"\(login)\" is deactivated", exitCode: 3) }
        return user
    }
}
