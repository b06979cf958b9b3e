import CRMApp
import CRMCore
import CRMStore
import XCTest

/// After a form creates a record, the list the form was opened from selects it, switching to a
/// view that shows it when the current one does not, so Enter opens what was just made.
final class CreatedRecordTests: XCTestCase {
    func testAnAccountCreatedOnFavouritesIsSelectedInAllAccounts() throws {
        let harness = try AppHarness()
        try harness.press("g a Tab Tab")
        harness.assertShows("Accounts")
        try harness.press("n Tab Tab Tab")  // Type → First name → Last name → Organisation name
        harness.type("Zzyzx Shipping GmbH")
        try harness.press("C-s")
        harness.assertShows("Created “Zzyzx Shipping GmbH”")
        try harness.press("Enter")
        harness.assertShows("Accounts › Zzyzx Shipping GmbH")
    }

    func testAFilteredListDropsItsFilterToShowTheNewRecord() throws {
        let harness = try AppHarness()
        try harness.press("g a /")
        harness.type("nothing-like-this")
        try harness.press("Enter n Tab Tab Tab")
        harness.type("Aardvark Trading")
        try harness.press("C-s Enter")
        harness.assertShows("Accounts › Aardvark Trading")
    }

    /// A lead routed to someone else leaves "My leads"; the list goes to All leads to show it.
    func testALeadRoutedAwayFromMyLeadsIsSelectedInAllLeads() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let jan = try XCTUnwrap(harness.database.users.find(login: "jan.novak"))
        _ = try harness.database.leadRules(actingAs: harness.user).create(
            LeadRule(name: "Quokka to Jan", conditions: [.contains(.company, "quokka")], outcome: .assignee(jan.id)))
        try harness.press("g l 6")
        harness.assertShows("Leads › My leads")
        try harness.press("n Tab Tab")
        harness.type("Quokka Labs")
        try harness.press("F2")
        harness.assertShows("Leads › All leads")
        try harness.press("Enter")
        harness.assertShows("Quokka Labs")
        harness.assertShows("Leads › Quokka Labs")
    }

    func testAnOpportunityAndATaskAreSelectedWhereTheyWereCreated() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g o n")
        harness.type("Zebra rollout")
        try harness.press("C-s Enter")
        harness.assertShows("Overview │ Activities")
        harness.assertShows("Name            Zebra rollout")

        try harness.press("g k n")
        harness.type("Call the zebra keeper")
        try harness.press("C-s Enter")
        harness.assertShows("Tasks › Call the zebra keeper")
    }
}
