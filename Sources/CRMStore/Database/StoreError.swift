import Foundation

/// Why the database file could not be used, worded for the person at the terminal.
///
/// Every case names the path involved and what to do, so `crm` can print the message as it is
/// instead of a stack trace or an SQLite code.
public enum StoreError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The folder that should hold the database does not exist.
    case directoryMissing(String)
    /// The database or its folder cannot be written (WAL needs to create files beside it).
    case readOnlyLocation(String)
    /// The file exists but is not an SQLite database.
    case notADatabase(String)
    /// The file is an SQLite database that belongs to another program.
    case foreignDatabase(String)
    /// The file was written by a newer crm with a schema this build does not know.
    case newerSchema(path: String, found: Int, known: Int)
    /// SQLite refused to open, read or write the file; `reason` is SQLite's own message.
    case unusable(path: String, reason: String)
    /// Demo data can only be generated into a new, empty database.
    case notEmpty(String)
    /// Another connection kept the write lock longer than this one waited; nothing was written.
    case busy(String)

    public var description: String {
        switch self {
        case .directoryMissing(let path):
            "The folder \(path) does not exist; create it or choose another database path."
        case .readOnlyLocation(let path):
            "\(path) is read-only; crm needs write access to it (and to its folder for the WAL files)."
        case .notADatabase(let path):
            "\(path) is not a crm database (it is not an SQLite file); choose another path."
        case .foreignDatabase(let path):
            "\(path) is an SQLite database of another program, not a crm database; choose another path."
        case .newerSchema(let path, let found, let known):
            "\(path) was written by a newer crm (schema \(found), this build knows \(known)); upgrade crm."
        case .unusable(let path, let reason):
            "Cannot use the database \(path): \(reason)."
        case .notEmpty(let path):
            "\(path) already holds data; demo data is only generated into a new, empty database."
        case .busy(let path):
            "Another program kept writing to \(path) for too long; nothing was saved. Try again in a moment."
        }
    }

    public var errorDescription: String? { description }
}
