import CRMCore
@testable import CRMStore
import XCTest

/// The bounded counts of the lead views read an index alone, so switching to a view stays
/// instant on a million leads (issue 14): a count that looks each lead up in the table waits
/// for 10,001 scattered pages.
final class LeadViewCountPlansTests: XCTestCase {
    func testTheFreePoolAndMyLeadsAreCountedFromTheAssigneeIndexAlone() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        for view in [LeadQuery.View.freePool, .mine] {
            let plans = try fixture.db.queryPlans(of: "count(*) FROM (SELECT 1 FROM leads l") {
                _ = try leads.count(LeadQuery(view: view))
            }
            XCTAssertEqual(plans.count, 1, "\(view): \(plans)")
            XCTAssertTrue(plans.first?.contains("COVERING INDEX leads_by_assignee") == true, "\(view): \(plans)")
        }
    }
}
