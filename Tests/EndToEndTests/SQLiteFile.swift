import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw access to a database file behind the app's back, through the system SQLite library
/// (which `crm` links, so it is there wherever `crm` runs), loaded with `dlopen` because the
/// test target may import nothing but Foundation and XCTest.
final class SQLiteFile {
    private typealias Open = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<OpaquePointer?>, Int32, UnsafePointer<CChar>?) -> Int32
    private typealias Prepare = @convention(c) (OpaquePointer, UnsafePointer<CChar>, Int32, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32
    private typealias Step = @convention(c) (OpaquePointer) -> Int32
    private typealias ColumnCount = @convention(c) (OpaquePointer) -> Int32
    private typealias ColumnText = @convention(c) (OpaquePointer, Int32) -> UnsafePointer<UInt8>?
    private typealias ErrorMessage = @convention(c) (OpaquePointer) -> UnsafePointer<CChar>
    private typealias BusyTimeout = @convention(c) (OpaquePointer, Int32) -> Int32

    private let library: UnsafeMutableRawPointer
    private let connection: OpaquePointer

    init(path: String) throws {
        guard let library = dlopen("libsqlite3.so.0", RTLD_NOW) ?? dlopen("libsqlite3.so", RTLD_NOW) else {
            throw E2EError("cannot load libsqlite3 (install libsqlite3-0): " + (dlerror().map { String(cString: $0) } ?? ""))
        }
        self.library = library
        var connection: OpaquePointer?
        let readWrite: Int32 = 0x2  // SQLITE_OPEN_READWRITE
        guard Self.symbol(library, "sqlite3_open_v2", as: Open.self)(path, &connection, readWrite, nil) == 0,
              let connection else {
            throw E2EError("cannot open \(path) with SQLite")
        }
        self.connection = connection
        _ = Self.symbol(library, "sqlite3_busy_timeout", as: BusyTimeout.self)(connection, 5000)
    }

    deinit {
        typealias Close = @convention(c) (OpaquePointer) -> Int32
        _ = Self.symbol(library, "sqlite3_close_v2", as: Close.self)(connection)
    }

    /// Runs one SQL statement and returns its rows as text (NULL as "").
    @discardableResult
    func query(_ sql: String) throws -> [[String]] {
        var statement: OpaquePointer?
        guard symbol("sqlite3_prepare_v2", as: Prepare.self)(connection, sql, -1, &statement, nil) == 0,
              let statement else {
            throw E2EError("SQLite refused “\(sql)”: \(lastError)")
        }
        defer { _ = symbol("sqlite3_finalize", as: Step.self)(statement) }
        let step = symbol("sqlite3_step", as: Step.self)
        let columns = symbol("sqlite3_column_count", as: ColumnCount.self)(statement)
        let text = symbol("sqlite3_column_text", as: ColumnText.self)
        var rows: [[String]] = []
        while true {
            switch step(statement) {
            case 100:  // SQLITE_ROW
                rows.append((0..<columns).map { column in text(statement, column).map { String(cString: $0) } ?? "" })
            case 101:  // SQLITE_DONE
                return rows
            default:
                throw E2EError("SQLite failed on “\(sql)”: \(lastError)")
            }
        }
    }

    private var lastError: String {
        String(cString: symbol("sqlite3_errmsg", as: ErrorMessage.self)(connection))
    }

    private func symbol<T>(_ name: String, as type: T.Type) -> T {
        Self.symbol(library, name, as: type)
    }

    private static func symbol<T>(_ library: UnsafeMutableRawPointer, _ name: String, as type: T.Type) -> T {
        guard let address = dlsym(library, name) else { fatalError("libsqlite3 has no \(name)") }
        return unsafeBitCast(address, to: type)
    }

    /// `text` as an SQL expression made of ASCII only: printable runs in quotes, everything
    /// else as `char(code point)`, so control characters survive any SQL front end exactly.
    static func literal(_ text: String) -> String {
        var parts: [String] = []
        var run = ""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                run.unicodeScalars.append(scalar)
            } else {
                if !run.isEmpty { parts.append("'" + run.replacingOccurrences(of: "'", with: "''") + "'") }
                run = ""
                parts.append("char(\(scalar.value))")
            }
        }
        if !run.isEmpty || parts.isEmpty { parts.append("'" + run.replacingOccurrences(of: "'", with: "''") + "'") }
        return parts.joined(separator: " || ")
    }
}
