import CRMApp
import CRMCore
@testable import CRMStore
import TerminalUITesting
import XCTest

/// The lead detail screen and the lead actions (LD-5…LD-10), driven by keys.
final class LeadDetailWorkflowTests: XCTestCase {
    /// A lead as intake would store it: routed by a rule, unassigned, with a custom attribute.
    @discardableResult
    private func plantLead(_ harness: AppHarness, company: String = "Kestrel Ltd", assignee: Int64? = nil) throws -> Lead {
        var draft = LeadDraft()
        draft.firstName = "Ana"
        draft.lastName = "Bell"
        draft.company = company
        draft.email = "ana.bell@kestrel.example"
        draft.source = "web form"
        draft.utmSource = "newsletter"
        draft.value = Money(minorUnits: 500_000, try Currency(code: "EUR"))
        draft.customAttributes = ["form": "spring-webinar"]
        draft.assigneeID = assignee
        let leads = harness.database.leads(actingAs: nil)
        let id = try harness.database.writer.write { db in
            try leads.insert(db, JournalWriter(db: db, userID: nil, at: AppHarness.fixedNow), draft,
                             history: LeadHistory(routingExplanation: "Rule 1 ‘Web leads’: source is web form and UTM source is newsletter → free pool, priority normal"))
        }
        return try leads.get(id: id)
    }

    private func openLead(_ harness: AppHarness) throws {
        try harness.press("g l")
        harness.assertShows("Kestrel Ltd")
        try harness.press("Enter")
        harness.assertShows("Leads › Ana Bell")
    }

    func testTheDetailShowsFieldsRoutingActivitiesAndHistoryAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try AppHarness(columns: columns, rows: rows)
            try plantLead(harness)
            try openLead(harness)
            harness.assertShows("Rule 1 ‘Web leads’")
            harness.assertShows("Free pool")
            assertSnapshot(harness.lines, named: "lead-detail-\(columns)x\(rows)")
            for _ in 0..<30 { try harness.press("j") }
            harness.assertShows("spring-webinar")
            try harness.press("Tab")
            harness.assertShows("No activities")
            try harness.press("Tab")
            harness.assertShows("ana.bell@kestre")
            assertSnapshot(harness.lines, named: "lead-history-\(columns)x\(rows)")
        }
    }

    func testQualifyAsksOnlyForNameAccountAndContactThenLinksWhatItCreated() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        let lead = try plantLead(harness)
        try openLead(harness)
        try harness.press("Q")
        harness.assertShows("Qualify into “Prospecting”")
        harness.assertShows("New account “Kestrel Ltd”")
        harness.assertShows("New contact “Ana Bell”")
        harness.assertHides("Expected close")
        assertSnapshot(harness.lines, named: "lead-qualify-80x24")
        try harness.press("F2")
        harness.assertShows("Qualified “Ana Bell” → opportunity “Kestrel Ltd”")
        harness.assertShows("Became opportunity")
        let qualified = try harness.database.leads(actingAs: harness.user).get(id: lead.id)
        XCTAssertEqual(qualified.statusKind, .qualified)
        XCTAssertNotNil(qualified.history.accountID)
        XCTAssertNotNil(qualified.history.contactID)

        try harness.press("j j Enter")
        harness.assertShows("Prospecting (Open)")
        try harness.press("Esc Q")
        harness.assertShows("was qualified already")
    }

    func testQualifyAsksForWhatTheFirstStatusRequiresAndSavesNothingWithoutIt() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        let statuses = harness.database.opportunityStatuses(actingAs: harness.user)
        let first = try XCTUnwrap(statuses.list().first { $0.kind == .open })
        var settings = first.fields
        settings.requiredFields = [.expectedClose]
        _ = try statuses.update(id: first.id, with: settings, expectedVersion: first.version)
        let lead = try plantLead(harness)
        try openLead(harness)
        try harness.press("Q")
        harness.assertShows("Expected close *")
        harness.assertHides("Probability")
        try harness.press("F2")
        harness.assertShows("required")
        XCTAssertNil(try harness.database.leads(actingAs: harness.user).get(id: lead.id).history.opportunityID)
        harness.type("2026-12-31")
        try harness.press("F2")
        harness.assertShows("Became opportunity")
    }

    func testDisqualifyNeedsAReasonInPlace() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        try plantLead(harness)
        try openLead(harness)
        try harness.press("d F2")
        harness.assertShows("required")
        harness.type("Budget frozen")
        try harness.press("F2")
        harness.assertShows("Disqualified “Ana Bell”")
        harness.assertShows("Disqualified for  Budget frozen")
    }

    func testTakingFromTheFreePoolAndTheContextMenuOfAListRow() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        let lead = try plantLead(harness)
        try harness.press("g l")
        for _ in 0..<4 { try harness.press("Tab") }
        harness.assertShows("Leads › Free pool")
        try harness.press("m")
        harness.assertShows("Qualify…")
        harness.assertShows("Take (assign to me)")
        try harness.press("Esc t")
        harness.assertShows("You took “Ana Bell”")
        harness.assertHides("Kestrel Ltd")
        XCTAssertEqual(try harness.database.leads(actingAs: harness.user).get(id: lead.id).assigneeID, harness.user.id)
    }

    func testAddToAccountActivityAndAnonymizeFromTheDetail() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        let lead = try plantLead(harness, company: "Bernard SARL")
        try harness.press("g l Enter R")
        harness.assertShows("Add “Ana Bell” to account")
        harness.assertShows("Bernard SARL · Paris")
        try harness.press("Enter")
        harness.assertShows("Added “Ana Bell” to “Bernard SARL")
        harness.assertShows("Account        Bernard SARL ›")

        try harness.press("c F2 Tab")
        harness.assertShows("Call")
        XCTAssertEqual(try harness.database.salesActivities(actingAs: harness.user)
            .timeline(of: .lead(lead.id), .first, limit: 5).count, 1)

        try harness.press("Tab Tab A")
        harness.assertShows("Anonymize “Ana Bell”? This cannot be undone.")
        try harness.press("y")
        harness.assertShows("Leads › Anonymized lead #\(lead.id)")
        harness.assertHides("ana.bell@kestrel.example")
        try harness.press("e")
        XCTAssertTrue(harness.statusLine.contains("can no longer be edited"), harness.statusLine)
    }

    func testRouteByRulesFromTheDetailExplainsWhereTheLeadWent() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let admin = harness.user
        _ = try harness.database.leadRules(actingAs: admin).create(
            LeadRule(name: "Kestrel accounts", conditions: [.contains(.company, "kestrel")], outcome: .assignee(admin.id),
                     priority: .urgent))
        let lead = try plantLead(harness)
        try openLead(harness)
        try harness.press("r")
        harness.assertShows("Routed: Rule 1 ‘Kestrel accounts’: company contains ‘kestrel’")
        let routed = try harness.database.leads(actingAs: nil).get(id: lead.id)
        XCTAssertEqual(routed.assigneeID, admin.id)
        XCTAssertEqual(routed.priority, .urgent)
    }

    /// At 80 columns the explanation is longer than the status line: it takes rows above it
    /// instead of being cut.
    func testALongMessageWrapsAboveTheStatusLineAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        _ = try harness.database.leadRules(actingAs: harness.user).create(
            LeadRule(name: "Kestrel accounts from the spring webinar", conditions: [.contains(.company, "kestrel")],
                     outcome: .assignee(harness.user.id), priority: .urgent))
        try plantLead(harness)
        try openLead(harness)
        try harness.press("r")
        harness.assertShows("Routed: Rule 1 ‘Kestrel accounts from the spring webinar’:")
        harness.assertShows("priority urgent")
        XCTAssertTrue(harness.statusLine.contains("admin · Administrator"), harness.screen)
        try harness.press("j")
        harness.assertHides("Routed: Rule 1")
    }
}
