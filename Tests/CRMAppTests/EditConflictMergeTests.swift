import CRMApp
import CRMCore
import CRMStore
import XCTest

/// Two users edit the same record at once (ST-7). A save that meets the other user's save merges
/// field by field: what only they changed is kept, what only this user changed is saved, and only
/// a field both changed to different values waits for this user to choose. Nothing the user did
/// not touch is ever written back over the other user's change.
final class EditConflictMergeTests: XCTestCase {

    private var eva: AppHarness!
    private var jan: AppHarness!
    private var account: Account!

    override func setUpWithError() throws {
        eva = try AppHarness()
        jan = try AppHarness(login: "jan.novak", database: eva.database)
        account = try XCTUnwrap(eva.database.accounts(actingAs: eva.user).page(AccountQuery(), .first, limit: 1).first)
        for harness in [eva!, jan!] {
            try harness.press("e")
            harness.assertShows("\(account.displayName) › Edit")
        }
    }

    private var stored: Account { get throws { try eva.database.accounts(actingAs: eva.user).get(id: account.id) } }

    /// Tabs to the field labelled `label` and types `text` over its value.
    private func replace(_ harness: AppHarness, _ label: String, with text: String) throws {
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        for _ in form.fields.indices where form.fields[form.focus].label != label { try harness.press("Tab") }
        XCTAssertEqual(form.fields[form.focus].label, label)
        try harness.press("C-u")
        harness.type(text)
    }

    func testChangesToDifferentFieldsAreBothKeptWithOneSave() throws {
        try replace(jan, "City", with: "Reykjavik")
        try jan.press("C-s")
        try replace(eva, "Phone", with: "+420 777 000 111")
        try eva.press("C-s")
        XCTAssertEqual(try stored.city, "Reykjavik", "Jan's city was written back over")
        XCTAssertEqual(try stored.phone, "+420 777 000 111")
        XCTAssertTrue(eva.statusLine.contains("Saved"), eva.statusLine)
        XCTAssertTrue(eva.statusLine.contains("City"), "the message names what was merged in: \(eva.statusLine)")
        eva.assertHides("› Edit")
    }

    func testTheSameNewValueOnBothSidesIsNoConflict() throws {
        try replace(jan, "Phone", with: "+1 555 0100")
        try jan.press("C-s")
        try replace(eva, "Phone", with: "+1 555 0100")
        try replace(eva, "Street", with: "Main Street 1")
        try eva.press("C-s")
        eva.assertHides("› Edit")
        XCTAssertEqual(try stored.phone, "+1 555 0100")
        XCTAssertEqual(try stored.street, "Main Street 1")
    }

    func testAFieldBothChangedWaitsForAChoiceAndKeepingYoursWins() throws {
        try replace(jan, "Phone", with: "+1 555 0199")
        try replace(jan, "City", with: "Oslo")
        try jan.press("C-s")
        try replace(eva, "Phone", with: "+1 555 0100")
        try replace(eva, "Street", with: "Harbour 7")
        try eva.press("C-s")
        // The form stays, both values shown; Jan's city is already taken in.
        eva.assertShows("› Edit")
        eva.assertShows("+1 555 0100")
        eva.assertShows("someone else saved: +1 555 0199")
        eva.assertShows("You both changed Phone")
        eva.assertShows("Oslo")
        XCTAssertEqual(try stored.phone, "+1 555 0199", "nothing of Eva's is saved before she chooses")

        // Saving again without choosing is refused, naming the field.
        try eva.press("C-s")
        XCTAssertTrue(eva.statusLine.contains("both changed Phone"), eva.statusLine)
        XCTAssertEqual(try stored.phone, "+1 555 0199")

        try eva.press("Enter")
        eva.assertShows("Keep yours: +1 555 0100")
        eva.assertShows("Take theirs: +1 555 0199")
        try eva.press("Enter C-s")
        eva.assertHides("› Edit")
        XCTAssertEqual(try stored.phone, "+1 555 0100")
        XCTAssertEqual(try stored.street, "Harbour 7")
        XCTAssertEqual(try stored.city, "Oslo", "Jan's city survives Eva's second save")
    }

    func testTakingTheirsKeepsTheirValueAndSavesTheRestOfYours() throws {
        try replace(jan, "Phone", with: "+1 555 0199")
        try jan.press("C-s")
        try replace(eva, "Phone", with: "+1 555 0100")
        try replace(eva, "Street", with: "Harbour 7")
        try eva.press("C-s")
        try eva.press("Enter Down Enter")
        eva.assertHides("someone else saved")
        try eva.press("C-s")
        eva.assertHides("› Edit")
        XCTAssertEqual(try stored.phone, "+1 555 0199")
        XCTAssertEqual(try stored.street, "Harbour 7")
    }

    func testRetypingADisputedFieldIsTheUsersChoice() throws {
        try replace(jan, "Phone", with: "+1 555 0199")
        try jan.press("C-s")
        try replace(eva, "Phone", with: "+1 555 0100")
        try eva.press("C-s")
        try eva.press("C-u")
        eva.type("+1 555 0123")
        eva.assertHides("someone else saved")
        try eva.press("C-s")
        XCTAssertEqual(try stored.phone, "+1 555 0123")
    }

    /// A field the form does not show (a lead's custom attributes, from intake) changed by the
    /// other user stays as they saved it.
    func testFieldsTheFormDoesNotShowKeepTheOtherUsersValue() throws {
        let leads = eva.database.leads(actingAs: eva.user)
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.company) = ("Ana", "Bell", "Kestrel Ltd")
        let lead = try leads.create(draft)
        try eva.press("Esc Esc g l Home e C-u")
        eva.type("Anna")
        var theirs = lead.fields
        theirs.customAttributes = ["budget": "50k"]
        theirs.company = "Kestrel Group"
        let janUser = try XCTUnwrap(eva.database.users.find(login: "jan.novak"))
        _ = try eva.database.leads(actingAs: janUser).update(id: lead.id, with: theirs, expectedVersion: lead.version)
        try eva.press("C-s")
        let saved = try leads.get(id: lead.id)
        XCTAssertEqual(saved.firstName, "Anna")
        XCTAssertEqual(saved.company, "Kestrel Group")
        XCTAssertEqual(saved.customAttributes, ["budget": "50k"])
    }
}
