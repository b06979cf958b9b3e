import CRMCore
import CRMStore
import CRMApp
import XCTest

/// Personal contacts through the keys: create as an employee, anonymize, configure types.
final class ContactWorkflowTests: XCTestCase {
    func testNewEmployeeFromAnAccountIsLinkedToIt() throws {
        let harness = try AppHarness()
        try harness.press("Enter")  // open the first account
        let accountLine = harness.lines[1]
        try harness.press("n")
        harness.assertShows("New employee")
        // Type → Employee of (preset) → First name → Last name.
        try harness.press("Tab Tab")
        harness.type("Kateřina")
        try harness.press("Tab")
        harness.type("Svobodová")
        try harness.press("C-s")
        harness.assertShows("Created “Kateřina Svobodová”")
        try harness.press("Tab")  // People tab
        harness.assertShows("Kateřina Svobodová")
        XCTAssertTrue(accountLine.contains("Accounts ›"), accountLine)
    }

    /// `O` goes from a person to the account they work for; someone employed nowhere is told so.
    func testOpenAccountGoesToTheEmployerAndSaysWhenThereIsNone() throws {
        let harness = try AppHarness()
        try harness.press("Enter Tab")  // the first account's people
        let account = try XCTUnwrap(harness.app.currentScreen.breadcrumb.components(separatedBy: " › ").last)
        try harness.press("Enter")
        harness.assertShows("Contacts › ")
        try harness.press("O")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Accounts › " + account)
        try harness.press("g p n Tab Tab")
        harness.type("Nomad")
        try harness.press("Tab")
        harness.type("Freelance")
        try harness.press("C-s Enter O")
        harness.assertShows("“Nomad Freelance” is not an employee of any account")
    }

    func testAnonymizeAsksThenErasesPersonalData() throws {
        let harness = try AppHarness()
        try harness.press("g p")
        let contacts = harness.database.contacts(actingAs: harness.user)
        let first = try XCTUnwrap(contacts.page(ContactQuery(), .first, limit: 1).first)
        try harness.press("A")
        harness.assertShows("Anonymize “\(first.displayName)”?")
        try harness.press("y")
        let erased = try contacts.get(id: first.id)
        XCTAssertTrue(erased.isAnonymized)
        XCTAssertEqual(erased.email, "")
        harness.assertHides(first.email)
        let history = try harness.database.journal(actingAs: harness.user).history(of: .contact, id: first.id)
        XCTAssertFalse(history.contains { ($0.oldValue ?? "").contains(first.email) || ($0.newValue ?? "").contains(first.email) })
    }

    func testContactTypesAreConfigurableInSettings() throws {
        let harness = try AppHarness()
        try harness.press("g s")
        harness.assertShows("Personal contact type")
        try harness.press("n")
        harness.type("Supplier contact")
        try harness.press("C-s")
        harness.assertShows("Supplier contact")
        let types = try harness.database.contactTypes(actingAs: harness.user).list().map(\.name)
        XCTAssertTrue(types.contains("Supplier contact"), "\(types)")
    }

    func testCommandPaletteRunsACommandByName() throws {
        let harness = try AppHarness()
        try harness.press(":")
        harness.type("new rec")
        try harness.press("Enter")
        harness.assertShows("Accounts › New account")
    }

    func testGotoRecordFindsAContactByName() throws {
        let harness = try AppHarness()
        let contact = try XCTUnwrap(harness.database.contacts(actingAs: harness.user).page(ContactQuery(), .first, limit: 1).first)
        try harness.press("C-p")
        harness.type(contact.displayName)
        try harness.press("Enter")
        harness.assertShows("Contacts › \(contact.displayName)")
    }

    func testContextMenuOffersRowActions() throws {
        let harness = try AppHarness()
        try harness.press("m")
        harness.assertShows("Edit")
        harness.assertShows("New employee (personal contact)")
        try harness.press("j Enter")
        harness.assertShows("› Edit")
    }

    func testDateFieldCalendarPickerOpensFromTheKeyboard() throws {
        let harness = try AppHarness()
        harness.app.push(FormScreen(section: .accounts, title: "Test form", fields: [
            FormField(key: "when", label: "Follow-up", kind: .date, text: "2026-11-27"),
        ]) { _, _ in .saved(message: "ok") })
        try harness.press("Enter")
        harness.assertShows("November 2026")
        try harness.press("l Enter")
        harness.assertShows("2026-11-28")
    }
}
