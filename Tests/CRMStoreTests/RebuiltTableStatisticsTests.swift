@testable import CRMStore
import GRDB
import XCTest

/// v22 rebuilt every journaled table, which drops a table's statistics; without them the planner
/// sorted a million leads for a filtered page instead of walking an index (issue 14). After the
/// upgrade every table that had statistics has them again.
final class RebuiltTableStatisticsTests: XCTestCase {
    func testTheUpgradeKeepsTheStatisticsOfEveryAnalyzedTable() throws {
        let path = try temporaryDatabasePath(self)
        let old = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try Schema.migrator.migrate(old, upTo: "v21-account-visibility-one-choice")
        let analyzed = try old.write { db in
            try db.execute(sql: """
                INSERT INTO users (login, display_name, role) VALUES ('alice', 'Alice', 'sales-rep'), ('bob', 'Bob', 'sales-rep');
                ANALYZE;
                """)
            return try Set(String.fetchAll(db, sql: "SELECT tbl FROM sqlite_stat1"))
        }
        try old.close()
        XCTAssertTrue(analyzed.isSuperset(of: ["users", "account_types", "contact_types"]), "\(analyzed)")

        _ = try AppDatabase.open(path: path)

        let upgraded = try DatabaseQueue(path: path)
        let kept = try upgraded.read { db in try Set(String.fetchAll(db, sql: "SELECT tbl FROM sqlite_stat1")) }
        XCTAssertEqual(analyzed.subtracting(kept), [], "these tables lost their statistics")
    }
}
