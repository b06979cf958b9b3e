import CRMApp
import CRMCore
import CRMStore
import XCTest

/// The lead views (LD-2) and the first lead actions (LD-4, LD-8), driven by keys.
final class LeadWorkflowTests: XCTestCase {
    func testCreateALeadThenArchiveItAndFindItInArchived() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        try harness.press("g l n")
        harness.type("Ana")
        try harness.press("Tab")
        harness.type("Bell")
        try harness.press("Tab")
        harness.type("Kestrel Ltd")
        try harness.press("F2")
        harness.assertShows("Created “Ana Bell”")
        harness.assertShows("Kestrel Ltd")
        try harness.press("Home X")
        harness.assertShows("Archived “Ana Bell”")
        harness.assertHides("Kestrel Ltd")
        for _ in 0..<6 { try harness.press("Tab") }
        harness.assertShows("Leads › Archived")
        harness.assertShows("Kestrel Ltd")
        let leads = harness.database.leads(actingAs: harness.user)
        XCTAssertEqual(try leads.page(LeadQuery(view: .archived), .first, limit: 1).map(\.displayName), ["Ana Bell"],
                       "the newest archived lead")
    }

    func testALeadWithoutNameCompanyOrEmailIsRefusedInPlace() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        let before = try harness.database.leads(actingAs: harness.user).count(LeadQuery()).value
        try harness.press("g l n F2")
        harness.assertShows("A lead needs a name, a company or an e-mail.")
        XCTAssertEqual(try harness.database.leads(actingAs: harness.user).count(LeadQuery()).value, before)
    }
}
