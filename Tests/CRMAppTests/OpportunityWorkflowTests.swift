import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUITesting
import XCTest

/// The opportunity list, grouping with totals, saved filters and the OP-5 actions, driven by keys.
final class OpportunityWorkflowTests: XCTestCase {
    /// A database with one user, an account and opportunities in three currencies.
    private func pipeline() throws -> (AppDatabase, User) {
        let database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
        let admin = try database.users.add(login: "admin", displayName: "Administrator", role: .admin)
        let money = database.moneySettings(actingAs: admin)
        let day = CalendarDate(year: 2026, month: 1, day: 1)!
        _ = try money.setRate(Decimal(string: "0.9")!, for: Currency(code: "USD"), from: day)
        _ = try money.setRate(Decimal(string: "0.04")!, for: Currency(code: "CZK"), from: day)
        let companyType = try XCTUnwrap(database.accountTypes(actingAs: admin).list().first { $0.key == "company" })
        var company = AccountDraft(typeID: companyType.id)
        company.name = "Acme Logistics"
        let account = try database.accounts(actingAs: admin).create(company)
        let statuses = try database.opportunityStatuses(actingAs: admin).list()
        let prospecting = try XCTUnwrap(statuses.first { $0.name == "Prospecting" })
        let proposal = try XCTUnwrap(statuses.first { $0.name == "Proposal" })
        var crm = ProjectDraft(name: "CRM", identifier: "crm")
        crm.crmEnabled = true
        let project = try database.projects(actingAs: admin).create(crm)
        let deals: [(String, Int64, String, Int64)] = [
            ("Forklift fleet", 100_000, "EUR", proposal.id), ("Cold storage", 100_000, "USD", proposal.id),
            ("Dock sensors", 2_500_000, "CZK", proposal.id), ("Yard survey", 50_000, "EUR", prospecting.id),
        ]
        for (name, minor, code, status) in deals {
            var draft = OpportunityDraft(name: name, statusID: status)
            draft.accountID = account.id
            draft.amount = Money(minorUnits: minor, try Currency(code: code))
            draft.ownerID = admin.id
            draft.projectID = project.id
            _ = try database.opportunities(actingAs: admin).create(draft)
        }
        return (database, admin)
    }

    func testGroupingByStatusShowsEachGroupWithItsTotalInTheBaseCurrency() throws {
        let (database, _) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab")
        harness.assertShows("Forklift fleet")
        try harness.press("b")
        // 1,000 EUR + 1,000 USD × 0.9 + 25,000 CZK × 0.04 = 2,900 EUR
        harness.assertShows("Prospecting · 1 · 500.00 EUR")
        harness.assertShows("Proposal · 3 · 2,900.00 EUR")
        let lines = harness.lines
        let prospectingRow = try XCTUnwrap(lines.firstIndex { $0.contains("Yard survey") })
        let proposalRow = try XCTUnwrap(lines.firstIndex { $0.contains("Cold storage") })
        XCTAssertLessThan(prospectingRow, proposalRow, "groups follow the board order")
        try harness.press("b")
        harness.assertHides("Proposal · 3")
    }

    func testSavedViewBringsBackFilterSortAndGrouping() throws {
        let (database, _) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab b s s s")
        try harness.press("F Enter")
        harness.type("Grouped by close")
        try harness.press("F2")
        harness.assertShows("Saved the filter")
        try harness.press("b s")
        harness.assertHides("Proposal · 3")
        try harness.press("F")
        harness.assertShows("Grouped by close")
        harness.assertHides("Grouped by close ✓")
        try harness.press("Enter")
        harness.assertShows("Proposal · 3 · 2,900.00 EUR")
        harness.assertShows("Close ▲")
    }

    func testCopyCreatesAnIndependentOpportunity() throws {
        let (database, admin) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("forklift")
        try harness.press("Enter y")
        harness.assertShows("Copy of Forklift fleet")
        try harness.press("F2")
        harness.assertShows("Created the copy")
        let copies = try database.opportunities(actingAs: admin).page(OpportunityQuery(filter: "copy forklift"), .first, limit: 5)
        XCTAssertEqual(copies.map(\.name), ["Copy of Forklift fleet"])
        XCTAssertEqual(copies.first?.amount?.description, "1000.00 EUR")
    }

    func testBusinessRoleAndRelatedAccountAppearOnTheirTabs() throws {
        let (database, admin) = try pipeline()
        let employee = try XCTUnwrap(database.contactTypes(actingAs: admin).list().first)
        var person = ContactDraft(typeID: employee.id)
        person.firstName = "Dana"
        person.lastName = "Veselá"
        _ = try database.contacts(actingAs: admin).create(person)
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("cold")
        try harness.press("Enter Enter B Enter")
        harness.type("dana")
        try harness.press("Enter Tab")
        harness.type("decision maker")
        try harness.press("F2")
        harness.assertShows("Added Dana Veselá")
        for _ in 0..<4 { try harness.press("Tab") }
        harness.assertShows("Business roles")
        harness.assertShows("decision maker")
        let history = try database.journal(actingAs: admin).history(of: .opportunity, id: 2)
        XCTAssertTrue(history.contains { $0.field == "businessRoles" && $0.newValue == "Dana Veselá: decision maker" })
    }

    func testChangingTheStatusToLostInTheFormAsksWhyAndTheDetailShowsIt() throws {
        let (database, admin) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("yard")
        try harness.press("Enter e")
        harness.assertHides("Lost reason")
        try harness.press("Tab Tab Tab l")  // Name → Account → Contact → Status: Lost
        harness.assertShows("Lost (Lost)")
        try harness.press("C-s")
        harness.assertShows("Lost reason *")
        harness.assertShows("✗ choose why the deal was lost")
        harness.assertShows("Closed on *")
        let deal = try XCTUnwrap(database.opportunities(actingAs: admin).page(OpportunityQuery(filter: "yard"), .first, limit: 1).first)
        XCTAssertEqual(deal.statusName, "Prospecting", "nothing saved before the reason")
        try harness.press("p C-s")
        harness.assertShows("Saved “Yard survey”")
        let lost = try database.opportunities(actingAs: admin).get(id: deal.id)
        XCTAssertEqual(lost.statusName, "Lost")
        XCTAssertEqual(lost.closedOn, harness.database.today)
        XCTAssertEqual(lost.lostReasonID, try database.lostReasons(actingAs: admin).list().first { $0.name == "Price" }?.id)

        try harness.press("Enter")
        XCTAssertTrue(harness.lines.contains { $0.contains("Lost reason") && $0.contains("Price") }, harness.screen)
        XCTAssertTrue(harness.lines.contains { $0.contains("Closed on") && $0.contains(harness.database.today.description) },
                      harness.screen)
        // Move to status… from the detail: Proposal is open and its fields are filled, so it moves at once.
        try harness.press("= k k k Enter")
        XCTAssertTrue(harness.statusLine.contains("Moved “Yard survey” to Proposal"), harness.statusLine)
        harness.assertShows("Proposal (Open)")
        harness.assertHides("Lost reason")
    }

    func testFilterLanguageNarrowsTheListAndPointsAtAMistake() throws {
        let (database, _) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab /")
        // 1,000 USD is 900 EUR and 25,000 CZK is 1,000 EUR: only those at or above 950 EUR stay.
        harness.type("status:proposal amount>=950")
        harness.assertShows("Forklift fleet")
        harness.assertShows("Dock sensors")
        harness.assertHides("Cold storage")
        harness.assertHides("Yard survey")
        harness.type(" stauts:won")
        harness.assertShows("Unknown field \"stauts\" (did you mean status?)")
        harness.assertShows("Filter: status:proposal amount>=950 stauts:won")
        try harness.press("Escape")
        harness.assertShows("Yard survey")
    }

    func testActivityAndNewTaskFromTheOpportunityShowOnItsTabs() throws {
        let (database, admin) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("yard")
        try harness.press("Enter Enter c")
        harness.assertShows("Category")
        try harness.press("C-s")
        harness.assertShows("Tab")
        try harness.press("Tab")
        harness.assertShows("Activities")
        let activities = try database.salesActivities(actingAs: admin).timeline(of: .opportunity(4), .first, limit: 5)
        XCTAssertEqual(activities.count, 1, harness.screen)
        harness.assertShows(activities[0].categoryName)
        try harness.press("T Down Enter")
        harness.type("Send the survey offer")
        try harness.press("C-s")
        try harness.press("Tab")
        harness.assertShows("Send the survey offer")
        let tasks = try database.tasks(actingAs: admin).page(TaskQuery(view: .ofOpportunity(4)), .first, limit: 5)
        XCTAssertEqual(tasks.map(\.subject), ["Send the survey offer"])
    }

    func testOpportunityListAt80x24And120x40PlainAndGrouped() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let (database, _) = try pipeline()
            let harness = try AppHarness(columns: columns, rows: rows, database: database)
            try harness.press("g o Tab")
            assertSnapshot(harness.lines, named: "opportunity-list-\(columns)x\(rows)")
            try harness.press("b")
            assertSnapshot(harness.lines, named: "opportunity-list-grouped-\(columns)x\(rows)")
            try harness.press("Enter")
            assertSnapshot(harness.lines, named: "opportunity-detail-\(columns)x\(rows)")
            for _ in 0..<8 { try harness.press("Tab") }
            XCTAssertTrue(harness.lines[1].contains("History"), "the active tab stays in view:\n\(harness.lines[1])")
        }
    }

    func testMovingToTheProjectItIsInSavesNothing() throws {
        let (database, admin) = try pipeline()
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("yard")
        try harness.press("Enter M")
        harness.type("crm")
        try harness.press("Enter")
        harness.assertShows("“Yard survey” is in the project “CRM” already")
        XCTAssertEqual(try database.opportunities(actingAs: admin).get(id: 4).version, 1)
    }
}
