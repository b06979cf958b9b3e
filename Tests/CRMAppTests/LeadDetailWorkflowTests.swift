import CRMApp
import CRMCore
@testable import CRMStore
import TerminalUITesting
import XCTest

/// The lead detail screen and the lead actions (LD-5…LD-10), driven by keys.
final class LeadDetailWorkflowTests: XCTestCase {
    /// A lead as intake would store it: routed by a rule, unassigned, with a custom attribute;
    /// `edit` changes the draft before it is stored.
    @discardableResult
    private func plantLead(_ harness: AppHarness, company: String = "Kestrel Ltd", assignee: Int64? = nil,
                           edit: (inout LeadDraft) -> Void = { _ in }) throws -> Lead {
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
        edit(&draft)
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

    // MARK: - History names (ST-6) and one-line values

    /// The History row whose "What" column reads `what`, written by `login`.
    private func historyRow(_ harness: AppHarness, _ what: String, by login: String = "admin",
                            file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(harness.lines.first { $0.contains(" \(login) ") && $0.contains(" \(what) ") },
                      "no “\(what)” row:\n\(harness.screen)", file: file, line: line)
    }

    func testHistoryOfAQualifiedLeadAndItsOpportunityNamesStatusesAndRecords() throws {
        let harness = try AppHarness(columns: 160, rows: 40)
        let lead = try plantLead(harness)
        try openLead(harness)
        try harness.press("Q F2")
        harness.assertShows("Became opportunity")
        let qualified = try harness.database.leads(actingAs: harness.user).get(id: lead.id).history
        let accountID = try XCTUnwrap(qualified.accountID), opportunityID = try XCTUnwrap(qualified.opportunityID)

        try harness.press("Tab Tab")
        // Lead status 1 → 3 is New → Qualified; the opportunity statuses with those ids are others.
        let status = try historyRow(harness, "Status")
        XCTAssertTrue(status.contains("New") && status.contains("Qualified"), status)
        XCTAssertFalse(status.contains("Prospecting") || status.contains("Proposal"), status)
        let account = try historyRow(harness, "Account")
        XCTAssertTrue(account.contains("Kestrel Ltd"), account)
        XCTAssertFalse(account.contains(" \(accountID) "), account)
        XCTAssertTrue(try historyRow(harness, "Contact").contains("Ana Bell"))
        let opportunity = try historyRow(harness, "Became opportunity")
        XCTAssertTrue(opportunity.contains("Kestrel Ltd"), opportunity)
        XCTAssertFalse(opportunity.contains(" \(opportunityID) "), opportunity)

        // The opportunity's own history: its status from the pipeline statuses, its account by name.
        try harness.press("Tab j j Enter S-Tab")
        harness.assertShows("Opportunities › Kestrel Ltd")
        XCTAssertTrue(try historyRow(harness, "Status").contains("Prospecting"))
        XCTAssertTrue(try historyRow(harness, "Account").contains("Kestrel Ltd"))
        XCTAssertTrue(try historyRow(harness, "Contact").contains("Ana Bell"))
        XCTAssertTrue(try historyRow(harness, "Owner").contains("Administrator"))
    }

    func testHistoryNamesTheAccountPartnerAndStatusAfterTheLeadActions() throws {
        let harness = try AppHarness(columns: 160, rows: 40)
        _ = try harness.database.partners(actingAs: harness.user).create(PartnerDraft(name: "Heron Partners"))
        try plantLead(harness, company: "Bernard SARL")
        try harness.press("g l Enter R Enter")
        harness.assertShows("Added “Ana Bell” to “Bernard SARL")
        try harness.press("P")
        harness.type("heron")
        try harness.press("Enter")
        harness.assertShows("is now with the partner “Heron Partners”")
        try harness.press("d F2")
        harness.type("Budget frozen")
        try harness.press("F2")
        harness.assertShows("Disqualified “Ana Bell”")

        try harness.press("Tab Tab")
        let status = try historyRow(harness, "Status")
        XCTAssertTrue(status.contains("New") && status.contains("Disqualified — no fit"), status)
        XCTAssertTrue(try historyRow(harness, "Account").contains("Bernard SARL"))
        XCTAssertTrue(try historyRow(harness, "Partner").contains("Heron Partners"))
    }

    /// Neither the history nor the overview names a record the reader cannot see, nor its id.
    func testARecordThatIsGoneOrHiddenFromTheUserShowsNeitherNameNorId() throws {
        let harness = try AppHarness(columns: 160, rows: 40)
        let lena = try XCTUnwrap(harness.database.users.find(login: "lena.mueller"))
        let company = try XCTUnwrap(harness.database.accountTypes(actingAs: lena).list().first { $0.key == "company" })
        var secret = AccountDraft(typeID: company.id)
        secret.name = "Lena Secret GmbH"
        secret.isPrivate = true
        let hidden = try harness.database.accounts(actingAs: lena).create(secret)
        let lead = try plantLead(harness)
        _ = try harness.database.leads(actingAs: lena).addToAccount(id: lead.id, accountID: hidden.id,
                                                                    expectedVersion: lead.version)
        let gonePartner: Int64 = 99_999
        try harness.database.writer.write { db in
            try JournalWriter(db: db, userID: lena.id, at: AppHarness.fixedNow)
                .changed(.lead, lead.id, field: "partnerID", from: "", to: String(gonePartner))
        }

        try openLead(harness)
        harness.assertShows("Account        (deleted or private)")
        harness.assertHides("#\(hidden.id)")
        try harness.press("Tab Tab")
        XCTAssertTrue(try historyRow(harness, "Account", by: "lena.mueller").contains("(deleted or private)"))
        XCTAssertTrue(try historyRow(harness, "Partner", by: "lena.mueller").contains("(deleted or private)"))
        harness.assertHides("Lena Secret")
        harness.assertHides("#\(hidden.id)")
        harness.assertHides("#\(gonePartner)")
    }

    /// A line break in a one-line field (a name from a web form) shows as `^J` on the field's
    /// one row, as everywhere else; the description, typed in a multi-line box, keeps its lines.
    func testALineBreakInTheNameStaysOnItsRowWhileTheDescriptionKeepsItsLines() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try plantLead(harness) { draft in
            draft.firstName = "Ann\nBell"
            draft.lastName = ""
            draft.description = "Met at the fair.\nCall back in May."
        }
        try harness.press("g l")
        harness.assertShows("Kestrel Ltd")
        try harness.press("Enter")
        harness.assertShows("Leads › Ann^JBell")
        let name = try XCTUnwrap(harness.lines.first { $0.contains(" Name ") }, harness.screen)
        XCTAssertTrue(name.contains("Ann^JBell"), name)
        XCTAssertFalse(harness.lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Bell") }, harness.screen)

        for _ in 0..<40 { try harness.press("j") }
        let lines = harness.lines
        let description = try XCTUnwrap(lines.firstIndex { $0.contains("Description") }, harness.screen)
        XCTAssertTrue(lines[description].contains("Met at the fair.") && !lines[description].contains("^J"),
                      lines[description])
        XCTAssertTrue(lines[description + 1].contains("Call back in May."), harness.screen)
    }
}
