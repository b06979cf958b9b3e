import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// The figures of the lead pages (LD-3) against leads planted at known times: intraday hours
/// and baseline, breakdowns by source, campaign and owner per period, conversion rates, and
/// the summaries following edits and deletions.
final class LeadStatisticsTests: XCTestCase {
    /// A clock the test moves by hand.
    final class SettableClock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_795_000_000)  // Wednesday 2026-11-18 11:06:40 UTC
        func read() -> Date { now }
    }

    private let clock = SettableClock()
    /// Midnight UTC of the test's "today".
    private let midnight = Date(timeIntervalSince1970: 1_794_960_000)

    private func lead(_ fixture: Fixture, source: String, at moment: Date, assignee: Int64? = nil,
                      status: String = "New", campaign: Int64? = nil) throws -> Lead {
        clock.now = moment
        var draft = LeadDraft()
        draft.company = "Lead \(source) \(moment.timeIntervalSince1970)"
        draft.source = source
        draft.assigneeID = assignee
        draft.campaignID = campaign
        let chosen = try XCTUnwrap(try fixture.db.leadStatuses.list().first { $0.name == status })
        let leads = fixture.db.leads(actingAs: fixture.alice)
        // Leads are closed only by qualifying or disqualifying them.
        draft.statusID = chosen.kind.isOpen ? chosen.id : nil
        let created = try leads.create(draft)
        switch chosen.kind {
        case .qualified:
            let plan = try leads.qualificationPlan(id: created.id)
            return try leads.qualify(id: created.id, expectedVersion: created.version,
                                     LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .none))
        case .disqualified:
            return try leads.disqualify(id: created.id, statusID: chosen.id, reason: "test", expectedVersion: created.version)
        default:
            return created
        }
    }

    func testIntradayCountsTodayPerHourAgainstTheWeekBefore() throws {
        let fixture = try Fixture(clock: clock.read)
        for hour in [9.0, 9.5, 13.2, 23.9] {
            _ = try lead(fixture, source: "web", at: midnight.addingTimeInterval(hour * 3_600))
        }
        _ = try lead(fixture, source: "web", at: midnight.addingTimeInterval(-3 * 86_400 + 9.1 * 3_600))
        _ = try lead(fixture, source: "web", at: midnight.addingTimeInterval(-7 * 86_400 + 9.9 * 3_600))
        _ = try lead(fixture, source: "web", at: midnight.addingTimeInterval(-8 * 86_400 + 9.0 * 3_600))
        _ = try lead(fixture, source: "web", at: midnight.addingTimeInterval(86_400 + 60))
        clock.now = midnight.addingTimeInterval(15 * 3_600)
        let counts = try fixture.db.leadStatistics.intraday(in: .gmt)
        XCTAssertEqual(counts.dayStart, midnight)
        XCTAssertEqual(counts.currentHour, 15)
        XCTAssertEqual(counts.hours[9], 2)
        XCTAssertEqual(counts.hours[13], 1)
        XCTAssertEqual(counts.hours[23], 1)
        XCTAssertEqual(counts.total, 4, "tomorrow's lead and earlier days are not today's")
        XCTAssertEqual(counts.baselineHundredths[9], 29, "two leads at nine within the seven days before: 2/7")
        XCTAssertEqual(counts.baselineHundredths.reduce(0, +), 29)
    }

    func testBreakdownsCountEachLeadOnceInItsPeriodByKind() throws {
        let fixture = try Fixture(clock: clock.read)
        let campaign = try fixture.db.writer.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO campaigns (name, status_id, created_at, updated_at, sort_name) VALUES ('Spring fair', 1, 0, 0, 'spring fair')
                """)
            return db.lastInsertedRowID
        }
        let now = midnight.addingTimeInterval(14 * 3_600)
        _ = try lead(fixture, source: "web", at: now, assignee: fixture.alice.id)
        _ = try lead(fixture, source: "web", at: now, status: "Qualified", campaign: campaign)
        _ = try lead(fixture, source: "fair", at: now, assignee: fixture.bob.id, status: "Disqualified — no fit", campaign: campaign)
        _ = try lead(fixture, source: "fair", at: midnight.addingTimeInterval(-86_400), status: "Qualified")  // Tuesday
        _ = try lead(fixture, source: "fair", at: midnight.addingTimeInterval(-3 * 86_400), status: "Contacted")  // Sunday, last week
        let old = try lead(fixture, source: "web", at: midnight.addingTimeInterval(-40 * 86_400), status: "Qualified")
        clock.now = now
        let statistics = fixture.db.leadStatistics

        let today = try statistics.breakdown(by: .source, in: .today)
        XCTAssertEqual(today.map(\.name), ["web", "fair"])
        XCTAssertEqual(today[0].tally, LeadTally(new: 1, qualified: 1, untouched: 2))
        XCTAssertEqual(today[1].tally, LeadTally(disqualified: 1, untouched: 1))

        let week = try statistics.breakdown(by: .source, in: .thisWeek)
        XCTAssertEqual(week.first { $0.key == "fair" }?.tally.total, 2, "the week starts on Monday")
        let month = try statistics.breakdown(by: .source, in: .thisMonth)
        XCTAssertEqual(month.map(\.tally.total).reduce(0, +), 5)
        let all = try statistics.breakdown(by: .source, in: .allTime)
        XCTAssertEqual(all.map(\.tally.total).reduce(0, +), 6)
        XCTAssertEqual(all.first { $0.key == "web" }?.tally.qualifiedOfDecidedPermille, 1_000)
        XCTAssertEqual(all.first { $0.key == "fair" }?.tally.qualifiedOfDecidedPermille, 500)
        XCTAssertEqual(all.first { $0.key == "fair" }?.tally.qualifiedOfAllPermille, 333)

        let campaigns = try statistics.breakdown(by: .campaign, in: .allTime)
        XCTAssertEqual(Set(campaigns.map(\.name)), ["Spring fair", "(no campaign)"])
        XCTAssertEqual(campaigns.first { $0.name == "Spring fair" }?.tally, LeadTally(qualified: 1, disqualified: 1, untouched: 2))
        let owners = try statistics.breakdown(by: .owner, in: .today)
        XCTAssertEqual(Set(owners.map(\.name)), ["Alice", "Bob", "(free pool)"])

        try fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE leads SET touched_at = 1 WHERE id = ?", arguments: [old.id])
        }
        XCTAssertEqual(try statistics.breakdown(by: .source, in: .allTime).first { $0.key == "web" }?.tally.untouched, 2)
        try fixture.db.writer.write { db in try db.execute(sql: "DELETE FROM leads WHERE id = ?", arguments: [old.id]) }
        XCTAssertEqual(try statistics.breakdown(by: .source, in: .allTime).map(\.tally.total).reduce(0, +), 5)
        XCTAssertEqual(try fixture.db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_counts_by_month WHERE n <= 0") }, 0)
    }

    func testPeriodsAreWholeUTCDays() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // Wednesday 2026-11-18
        let today = 1_795_000_000 / 86_400
        XCTAssertEqual(LeadPeriod.today.days(at: now), today...today)
        XCTAssertEqual(LeadPeriod.thisWeek.days(at: now), (today - 2)...today)
        XCTAssertEqual(LeadPeriod.thisMonth.days(at: now), (today - 17)...today)
        XCTAssertNil(LeadPeriod.allTime.days(at: now))
        XCTAssertNil(LeadTally().qualifiedOfDecidedPermille)
        XCTAssertEqual(LeadTally(new: 2, qualified: 1).qualifiedOfAllPermille, 333)
        XCTAssertEqual(LeadTally(qualified: 2, disqualified: 1).qualifiedOfDecidedPermille, 667)
    }
}
