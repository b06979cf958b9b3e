import CRMCore
@testable import CRMApp
import CRMStore
import Foundation
import TerminalUITesting
import XCTest

/// The Activities tab of an account (SA-1, SA-2): its own activities and its opportunities',
/// newest first; add, edit and delete through the keys.
final class ActivityTimelineTests: XCTestCase {
    /// A harness whose first account has an opportunity and three activities at fixed times.
    private func harness(columns: Int = 160, rows: Int = 40) throws -> (AppHarness, Account) {
        let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
        let db = harness.database
        let account = try XCTUnwrap(db.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 1).first)
        let status = try XCTUnwrap(db.opportunityStatuses(actingAs: harness.user).list().first)
        var deal = OpportunityDraft(name: "Fleet renewal", statusID: status.id)
        deal.accountID = account.id
        let opportunity = try db.opportunities(actingAs: harness.user).create(deal)
        let categories = try db.activityCategories(actingAs: harness.user).list()
        let activities = db.salesActivities(actingAs: harness.user)
        for (offset, target, category, outcome) in [
            (0, ActivityTarget.account(account.id), 0, "Left a voicemail"),
            (1, .opportunity(opportunity.id), 1, "Demo went well"),
            (2, .account(account.id), 2, "Sent the price list"),
        ] {
            var draft = SalesActivityDraft(
                target: target, categoryID: categories[category].id,
                at: AppHarness.fixedNow.addingTimeInterval(Double(offset - 3) * 86_400), ownerID: harness.user.id,
                durationMinutes: 15 * (offset + 1))
            draft.outcome = outcome
            draft.description = "Line one of \(outcome.lowercased())\nline two"
            _ = try activities.create(draft)
        }
        try harness.press("Enter Tab Tab Tab")
        return (harness, account)
    }

    func testAccountTimelineShowsItsOpportunitiesActivitiesNewestFirst() throws {
        let (harness, _) = try harness()
        harness.assertShows("3 activities")
        let rows = harness.lines.filter { $0.contains("Left a voicemail") || $0.contains("Demo went well") || $0.contains("Sent the price list") }
        XCTAssertEqual(rows.count, 3, harness.screen)
        XCTAssertTrue(rows[0].contains("Sent the price list") && rows[2].contains("Left a voicemail"), harness.screen)
        XCTAssertTrue(rows[1].contains("Fleet renewal"), "the opportunity's activity is marked with its name")
        XCTAssertTrue(rows[0].contains("Line one of sent the price list") && !rows[0].contains("line two"))
    }

    func testAddEditAndDeleteAnActivityThroughTheKeys() throws {
        let (harness, account) = try harness()
        try harness.press("n")
        harness.assertShows("New activity")
        try harness.press("Tab C-u")
        harness.type("2026-11-20")
        try harness.press("Tab C-u")
        harness.type("14:30")
        try harness.press("Tab C-u")
        harness.type("45")
        try harness.press("Tab")
        harness.type("Agreed next steps")
        try harness.press("C-s")
        harness.assertShows("4 activities")
        let activities = harness.database.salesActivities(actingAs: harness.user)
        let added = try XCTUnwrap(activities.timeline(of: .account(account.id), .first, limit: 1).first)
        XCTAssertEqual(added.outcome, "Agreed next steps")
        XCTAssertEqual(added.durationMinutes, 45)
        XCTAssertEqual(added.ownerID, harness.user.id, "the owner defaults to the current user")
        XCTAssertEqual(TimeOfDay.split(added.at, in: .current).1.description, "14:30")

        try harness.press("Home e")  // the cursor stayed on the row it was on; the new one is on top
        harness.assertShows("Activity › Call › Edit")
        try harness.press("Tab Tab Tab C-u")
        harness.type("1441")
        try harness.press("C-s")
        harness.assertShows("✗ Duration is in minutes, from 0 to 1440")
        try harness.press("C-u")
        harness.type("60")
        try harness.press("C-s")
        XCTAssertEqual(try activities.get(id: added.id).durationMinutes, 60)

        try harness.press("Home D n")
        harness.assertShows("4 activities")
        try harness.press("D y")
        harness.assertShows("3 activities")
        XCTAssertThrowsError(try activities.get(id: added.id))
    }

    func testActivitiesTabAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let (harness, _) = try harness(columns: columns, rows: rows)
            assertSnapshot(harness.lines, named: "account-activities-\(columns)x\(rows)")
        }
    }
}
