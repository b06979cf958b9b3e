@testable import CRMStore
import Foundation
import GRDB

extension AppDatabase {
    /// The statements `body` runs that contain `fragment`, with their arguments inlined, as
    /// SQLite plans them (one line per statement, the plan's steps joined by "; ").
    func queryPlans(of fragment: String, _ body: () throws -> Void) throws -> [String] {
        let statements = StatementLog()
        writer.writeWithoutTransaction { db in
            db.trace { event in
                if case .statement(let statement) = event { statements.append(statement.expandedSQL) }
            }
        }
        try body()
        return try writer.writeWithoutTransaction { db in
            db.trace(nil)
            return try statements.all.filter { $0.contains(fragment) }.map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
    }
}

/// Statements seen by a trace callback.
private final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    func append(_ sql: String) { lock.withLock { statements.append(sql) } }
    var all: [String] { lock.withLock { statements } }
}
