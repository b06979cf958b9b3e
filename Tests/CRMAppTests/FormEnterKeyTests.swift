import CRMApp
import CRMCore
import CRMStore
import XCTest

/// Enter in a one-line form field moves on to the next field and leaves both fields as they were.
final class FormEnterKeyTests: XCTestCase {
    func testEnterBetweenFieldsKeepsEveryFieldOfANewLead() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        try harness.press("g l n")
        harness.type("Ana")
        try harness.press("Enter")
        harness.type("Bell")
        try harness.press("Enter")
        harness.type("Kestrel Ltd")
        try harness.press("F2")
        harness.assertShows("Created “Ana Bell”")
        let lead = try XCTUnwrap(harness.database.leads(actingAs: harness.user).page(LeadQuery(), .first, limit: 5).first)
        XCTAssertEqual(lead.fields.firstName, "Ana")
        XCTAssertEqual(lead.fields.lastName, "Bell")
        XCTAssertEqual(lead.fields.company, "Kestrel Ltd")
    }
}
