import CRMCore
import CRMStore
import CRMApp
import Foundation
import TerminalUITesting
import XCTest

/// The Partners section (PA-1, PA-2): list, detail tabs and actions through the keys, on a
/// small database of its own so the demo's partners never show up here.
final class PartnerScreenTests: XCTestCase {
    /// A harness over an empty database with an administrator and two partners, one with a
    /// consultant, two opportunities and an activity.
    private func harness(columns: Int = 160, rows: Int = 40) throws -> AppHarness {
        let database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
        let admin = try database.users.add(login: "admin", displayName: "Admin", role: .admin)
        let partners = database.partners(actingAs: admin)
        var nordwind = PartnerDraft(name: "Nordwind Partners")
        nordwind.city = "Hamburg"
        nordwind.country = "Germany"
        nordwind.email = "info@nordwind.example"
        nordwind.phone = "+49 40 123 456"
        nordwind.note = "Implements our fleet module in northern Germany."
        let partner = try partners.create(nordwind)
        var alpine = PartnerDraft(name: "Alpine Advisory")
        alpine.city = "Zürich"
        alpine.country = "Switzerland"
        _ = try partners.create(alpine)
        let consultantType = try XCTUnwrap(database.contactTypes(actingAs: admin).list().first { $0.name == "Consultant" })
        var karel = ContactDraft(typeID: consultantType.id)
        karel.firstName = "Karel"
        karel.lastName = "Nový"
        karel.jobTitle = "Solution architect"
        karel.email = "karel@nordwind.example"
        _ = try partners.createConsultant(karel, partnerID: partner.id)
        let companyType = try XCTUnwrap(database.accountTypes(actingAs: admin).list().first { $0.key == "company" })
        var hanse = AccountDraft(typeID: companyType.id)
        hanse.name = "Hanse Logistik"
        let account = try database.accounts(actingAs: admin).create(hanse)
        let statuses = try database.opportunityStatuses(actingAs: admin).list()
        let eur = try Currency(code: "EUR")
        for (name, kind, amount, probability) in [("Fleet renewal", StatusKind.open, 12_000, 40), ("Depot scanners", .won, 3_500, nil)] {
            var draft = OpportunityDraft(name: name, statusID: try XCTUnwrap(statuses.first { $0.kind == kind }).id)
            draft.amount = Money(Decimal(amount), eur)
            draft.probability = probability
            draft.partnerID = partner.id
            draft.accountID = account.id
            draft.ownerID = admin.id
            if kind == .won { draft.expectedClose = CalendarDate(parsing: "2026-10-30") }
            _ = try database.opportunities(actingAs: admin).create(draft)
        }
        let category = try XCTUnwrap(database.activityCategories(actingAs: admin).list().first)
        var call = SalesActivityDraft(target: .partner(partner.id), categoryID: category.id,
                                      at: AppHarness.fixedNow.addingTimeInterval(-86_400), ownerID: admin.id,
                                      durationMinutes: 30)
        call.outcome = "Agreed on a joint demo"
        _ = try database.salesActivities(actingAs: admin).create(call)
        let harness = try AppHarness(columns: columns, rows: rows, database: database)
        try harness.press("g r")
        return harness
    }

    func testListShowsPartnersByNameAndFilters() throws {
        let harness = try harness()
        harness.assertShows("of 2 partners")
        let rows = harness.lines.filter { $0.contains("Partners") || $0.contains("Advisory") }
        XCTAssertTrue(rows.contains { $0.contains("Alpine Advisory") && $0.contains("Zürich") }, harness.screen)
        try harness.press("/")
        harness.type("country:germany")
        try harness.press("Enter")
        harness.assertShows("1 of 1 partners")
        harness.assertHides("Alpine Advisory")
        try harness.press("/ C-u")
        harness.type("cuntry:germany")
        try harness.press("Enter")
        harness.assertShows("Unknown field \"cuntry\"")
    }

    func testCreateEditAndDeleteAPartner() throws {
        let harness = try harness()
        try harness.press("n")
        harness.assertShows("Partners › New partner")
        try harness.press("C-s")
        harness.assertShows("✗ required")
        harness.type("Baltic Systems")
        try harness.press("Tab")
        harness.type("sales@baltic.example")
        try harness.press("C-s")
        harness.assertShows("Created “Baltic Systems”")
        harness.assertShows("of 3 partners")

        try harness.press("Home e")  // Alpine Advisory, the first by name
        harness.assertShows("Partners › Alpine Advisory › Edit")
        try harness.press("Tab Tab Tab C-u")
        harness.type("Basel")
        try harness.press("C-s")
        harness.assertShows("Saved “Alpine Advisory”")
        harness.assertShows("Basel")

        try harness.press("D")
        harness.assertShows("Delete the partner “Alpine Advisory”?")
        try harness.press("y")
        harness.assertShows("Deleted “Alpine Advisory”")
        harness.assertShows("of 2 partners")

        try harness.press("j D y")  // Nordwind has opportunities: the store refuses
        harness.assertShows("Nordwind Partners is assigned to 2 opportunities")
        harness.assertShows("of 2 partners")
    }

    func testDetailWorkflowConsultantOpportunityAndActivity() throws {
        let harness = try harness()
        let database = harness.database
        let partner = try XCTUnwrap(database.partners(actingAs: harness.user).page(PartnerQuery(filter: "nordwind"), .first, limit: 1).first)
        try harness.press("j Enter")
        harness.assertShows("Partners › Nordwind Partners")
        harness.assertShows("Open pipeline")
        harness.assertShows("1 · 12,000.00 EUR")
        harness.assertShows("4,800.00 EUR (amount × probability)")
        harness.assertShows("Won")
        harness.assertShows("1 · 3,500.00 EUR")

        // Consultants: add a new one through the contact form, then remove the link.
        try harness.press("Tab")
        harness.assertShows("Karel Nový")
        try harness.press("n")
        harness.assertShows("Partners › Nordwind Partners › New consultant")
        harness.assertShows("Consultant")
        try harness.press("Tab Tab")
        harness.type("Jana")
        try harness.press("Tab")
        harness.type("Malá")
        try harness.press("C-s")
        harness.assertShows("Created “Jana Malá”, consultant of Nordwind Partners")
        harness.assertShows("Jana Malá")
        let consultants = try database.partners(actingAs: harness.user).consultants(of: partner.id)
        XCTAssertEqual(consultants.map(\.displayName), ["Jana Malá", "Karel Nový"])
        XCTAssertEqual(harness.app.session.contactTypeName(consultants[0].typeID), "Consultant")
        try harness.press("D")
        harness.assertShows("Remove Jana Malá from the consultants of Nordwind Partners?")
        try harness.press("y")
        XCTAssertEqual(try database.partners(actingAs: harness.user).consultants(of: partner.id).map(\.displayName), ["Karel Nový"])
        XCTAssertNoThrow(try database.contacts(actingAs: harness.user).get(id: consultants[0].id), "the contact stays")
        try harness.press("Enter")
        harness.assertShows("Contacts › Karel Nový")
        try harness.press("Esc")

        // Opportunities: a new one from the tab is assigned to the partner and listed there.
        try harness.press("Tab")
        harness.assertShows("2 opportunities")
        try harness.press("n")
        harness.assertShows("Opportunities › New opportunity")
        harness.assertShows("Nordwind Partners")
        harness.type("Yard sensors")
        try harness.press("C-s")
        harness.assertShows("Created “Yard sensors”")
        harness.assertShows("3 opportunities")
        harness.assertShows("Yard sensors")
        let assigned = try database.opportunities(actingAs: harness.user).page(
            OpportunityQuery(view: .ofPartner(partner.id), filter: "yard"), .first, limit: 5)
        XCTAssertEqual(assigned.map(\.name), ["Yard sensors"])

        // Activities: add one with `c`, then delete it after the confirmation.
        try harness.press("Tab")
        harness.assertShows("of 1 activities")
        try harness.press("c")
        harness.assertShows("New activity")
        try harness.press("Tab Tab Tab Tab")
        harness.type("Sent the partner kit")
        try harness.press("C-s")
        harness.assertShows("of 2 activities")
        harness.assertShows("Sent the partner kit")
        let timeline = database.salesActivities(actingAs: harness.user)
        XCTAssertEqual(try timeline.timeline(of: .partner(partner.id), .first, limit: 5).count, 2)
        try harness.press("Home D")
        harness.assertShows("Delete the")
        try harness.press("n")
        harness.assertShows("of 2 activities")
        try harness.press("D y")
        harness.assertShows("Deleted the activity")
        harness.assertShows("of 1 activities")
        XCTAssertEqual(try timeline.timeline(of: .partner(partner.id), .first, limit: 5).map(\.outcome), ["Agreed on a joint demo"])

        // History: the partner's own journal.
        try harness.press("Tab")
        harness.assertShows("Implements our fleet module")
    }

    func testContextMenuOffersThePartnerActions() throws {
        let harness = try harness()
        try harness.press("j m")
        for title in ["Open", "Edit", "New consultant", "New opportunity", "Add sales activity", "Delete…"] {
            harness.assertShows(title)
        }
        try harness.press("j j j Enter")
        harness.assertShows("Opportunities › New opportunity")
        harness.assertShows("Nordwind Partners")
    }

    func testGotoOpensThePartner() throws {
        let harness = try harness()
        try harness.press("g a C-p")
        harness.type("alpine adv")
        try harness.press("Enter")
        harness.assertShows("Partners › Alpine Advisory")
        harness.assertShows("Zürich")
    }

    func testPartnerListAndDetailAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try harness(columns: columns, rows: rows)
            assertSnapshot(harness.lines, named: "partner-list-\(columns)x\(rows)")
            try harness.press("j Enter")
            assertSnapshot(harness.lines, named: "partner-detail-\(columns)x\(rows)")
            try harness.press("Tab")
            assertSnapshot(harness.lines, named: "partner-consultants-\(columns)x\(rows)")
        }
    }
}
