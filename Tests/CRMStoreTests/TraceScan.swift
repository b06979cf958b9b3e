@testable import CRMStore
import Foundation
import GRDB

/// Looks for strings everywhere a database keeps data: every column of every table in
/// `sqlite_master` (search-index shadow tables included), and the raw bytes of the database
/// file, its WAL and its shared-memory file. Case-insensitive; a hit names where it is.
struct TraceScan {
    let needles: [String]

    /// "table.column: needle" for every value holding a needle.
    func tableHits(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            var hits: [String] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
                while let row = try rows.next() {
                    for (column, value) in row {
                        hits += found(in: value).map { "\(table).\(column): \($0)" }
                    }
                }
            }
            return hits
        }
    }

    /// "file: needle" for the database file at `path`, its `-wal` and its `-shm`.
    func fileHits(_ path: String) -> [String] {
        [path, path + "-wal", path + "-shm"].flatMap { file -> [String] in
            let bytes = Self.lowercasedASCII((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data())
            return needles.filter { bytes.range(of: Data($0.lowercased().utf8)) != nil }
                .map { "\(URL(fileURLWithPath: file).lastPathComponent): \($0)" }
        }
    }

    private func found(in value: DatabaseValue) -> [String] {
        let text: String
        switch value.storage {
        case .string(let string): text = string
        case .blob(let data): text = String(decoding: data, as: UTF8.self)
        default: return []
        }
        let lowered = text.lowercased()
        return needles.filter { lowered.contains($0.lowercased()) }
    }

    private static func lowercasedASCII(_ data: Data) -> Data {
        Data(data.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }
}
