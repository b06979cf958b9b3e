import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// The demo's leads (issue 4 item 9) at the small scale: every status kind, campaigns, today's
/// leads up to the clock's now, activities and scheduled calls, keys and duplicate links as the
/// store makes them, and lead counts that agree with the leads.
final class DemoLeadsTests: XCTestCase {
    /// 2026-11-17 14:13:20 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    private static func generate() throws -> (AppDatabase, DemoDataGenerator.Summary) {
        let db = try AppDatabase.inMemory(clock: { Self.now })
        return (db, try DemoDataGenerator(scale: .small).generate(into: db))
    }

    /// One demo for the tests that only read (generating takes seconds in a debug build).
    private static let shared = Result { try generate() }

    private func demo() throws -> (AppDatabase, DemoDataGenerator.Summary) { try Self.shared.get() }

    func testSmallDemoHasLeadsOfEveryKindSourceAndOwnerWithCampaigns() throws {
        let (db, summary) = try demo()
        XCTAssertEqual(summary.leads, 3_000)
        XCTAssertEqual(summary.campaigns, 12)
        try db.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads"), 3_000)
            let kinds = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT s.kind, count(*) AS n FROM leads l JOIN lead_statuses s ON s.id = l.status_id GROUP BY s.kind
                """).map { ($0["kind"] as String, $0["n"] as Int) })
            XCTAssertEqual(Set(kinds.keys), ["new", "working", "qualified", "disqualified"])
            XCTAssertGreaterThan((kinds["new"] ?? 0) + (kinds["working"] ?? 0), 1_500, "most leads are still open")
            XCTAssertGreaterThanOrEqual(try Int.fetchOne(db, sql: "SELECT count(DISTINCT source) FROM leads") ?? 0, 8)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE campaign_id IS NOT NULL") ?? 0, 300)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE partner_id IS NOT NULL") ?? 0, 20)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM leads WHERE assignee_id IS NULL AND partner_id IS NULL AND is_archived = 0
                """) ?? 0, 50, "the free pool has leads")
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(DISTINCT currency) FROM leads") ?? 0, 3)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE utm_source <> ''") ?? 0, 1_000)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM leads l JOIN lead_statuses s ON s.id = l.status_id
                WHERE s.kind = 'qualified' AND l.opportunity_id IS NOT NULL AND l.qualified_at IS NOT NULL
                """) ?? 0, 50, "qualified leads link to what they became")
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM leads l JOIN lead_statuses s ON s.id = l.status_id
                WHERE s.kind = 'disqualified' AND l.disqualify_reason = ''
                """), 0, "every disqualified lead says why")
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE is_archived = 1") ?? 0, 50)
            let span = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT min(created_at) AS first, max(created_at) AS last FROM leads"))
            XCTAssertLessThanOrEqual(span["last"] as Int64, Self.now.millisecondsSince1970, "nothing from the future")
            XCTAssertGreaterThan(Self.now.timeIntervalSince(Date(millisecondsSince1970: span["first"])), 700 * 86_400)
        }
    }

    func testTodaysLeadsSpreadOverTheHoursUpToNow() throws {
        let (db, _) = try demo()
        let today = Calendar.current.startOfDay(for: Self.now)
        let hours = try db.read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT (created_at - ?) / 3600000 FROM leads WHERE created_at >= ?",
                             arguments: [today.millisecondsSince1970, today.millisecondsSince1970])
        }
        let nowHour = Int(Self.now.timeIntervalSince(today) / 3_600)
        XCTAssertGreaterThan(hours.count, nowHour / 2, "today's leads come in many hours")
        XCTAssertTrue(hours.allSatisfy { $0 <= nowHour })
    }

    func testActivitiesTouchLeadsAndSomeCallsAreScheduled() throws {
        let (db, summary) = try demo()
        XCTAssertGreaterThan(summary.leadActivities, 500)
        try db.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM sales_activities WHERE lead_id IS NOT NULL"),
                           summary.leadActivities)
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM leads l WHERE (l.touched_at IS NOT NULL)
                    <> EXISTS (SELECT 1 FROM sales_activities a WHERE a.lead_id = l.id)
                """), 0, "a lead is touched exactly when it has an activity")
        }
        let admin = try XCTUnwrap(db.users.find(login: "admin"))
        let leads = db.leads(actingAs: admin)
        XCTAssertGreaterThan(try leads.count(LeadQuery(view: .callOn)).value, 0)
        XCTAssertGreaterThan(try leads.count(LeadQuery(view: .noTouch)).value, 100)
        XCTAssertGreaterThan(try leads.count(LeadQuery(view: .freePool)).value, 0)
        XCTAssertGreaterThan(try leads.count(LeadQuery(filter: "mailchimp")).value, 0, "the search index holds the leads")
    }

    func testDuplicatesAreLinkedThroughTheirKeysAsTheStoreLinksThem() throws {
        let (db, _) = try demo()
        try db.read { db in
            let keyed = try Int.fetchOne(db, sql: "SELECT count(DISTINCT lead_id) FROM lead_keys") ?? 0
            XCTAssertEqual(keyed, 3_000, "every lead has keys")
            let duplicates = try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE duplicate_of_id IS NOT NULL") ?? 0
            XCTAssertTrue((15...150).contains(duplicates), "about 1–2 % duplicates, found \(duplicates)")
            let leads = try Row.fetchAll(db, sql: "SELECT * FROM leads ORDER BY id")
            let decoder = try LeadDecoder(db)
            for row in leads {
                let lead = try decoder.lead(row)
                let earliest = try LeadDuplicates.keys(of: lead.fields).compactMap { kind, key in
                    try Int64.fetchOne(db, sql: "SELECT min(lead_id) FROM lead_keys WHERE kind = ? AND key = ? AND lead_id < ?",
                                       arguments: [kind, key, lead.id])
                }.min()
                XCTAssertEqual(lead.duplicateOfID, earliest, "lead \(lead.id)")
            }
        }
    }

    func testLeadCountsAgreeWithTheLeadsAndFollowChanges() throws {
        let (db, _) = try Self.generate()
        let direct = """
            SELECT source AS key, status_id, touched_at IS NOT NULL AS touched, count(*) AS n FROM leads
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        func summary(_ table: String) -> String {
            """
            SELECT key, status_id, touched, sum(n) AS n FROM \(table) WHERE dimension = 'source'
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        }
        try db.read { db in
            let expected = try Row.fetchAll(db, sql: direct)
            XCTAssertEqual(try Row.fetchAll(db, sql: summary("lead_counts_by_day")), expected)
            XCTAssertEqual(try Row.fetchAll(db, sql: summary("lead_counts_by_month")), expected)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT sum(n) FROM lead_counts_by_month WHERE dimension = 'owner'"), 3_000)
        }
        let admin = try XCTUnwrap(db.users.find(login: "admin"))
        let leads = db.leads(actingAs: admin)
        let lead = try XCTUnwrap(leads.page(LeadQuery(), .first, limit: 1).first)
        var draft = lead.fields
        draft.source = "a brand new source"
        draft.assigneeID = nil
        draft.partnerID = nil
        _ = try leads.update(id: lead.id, with: draft, expectedVersion: lead.version)
        try db.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: summary("lead_counts_by_day")), try Row.fetchAll(db, sql: direct))
            XCTAssertEqual(try Row.fetchAll(db, sql: summary("lead_counts_by_month")), try Row.fetchAll(db, sql: direct))
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_counts_by_day WHERE n <= 0"), 0)
        }
    }
}
