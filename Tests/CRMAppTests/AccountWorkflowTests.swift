import CRMCore
@testable import CRMApp
import CRMStore
import XCTest

/// Accounts driven through the keys, as a person would: filter, create, edit, delete, favourite.
final class AccountWorkflowTests: XCTestCase {
    func testQuickFilterNarrowsTheListAsYouType() throws {
        let harness = try AppHarness()
        let accounts = try harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 300)
        let first = try XCTUnwrap(accounts.first)
        let gmbh = try XCTUnwrap(accounts.first { $0.displayName.hasSuffix("GmbH") })
        try harness.press("/")
        harness.type("gmb")
        harness.assertShows(gmbh.displayName)
        harness.assertHides(first.displayName)
        try harness.press("Esc")
        harness.assertShows(first.displayName)
    }

    func testCreatingAnAccountThroughTheFormShowsItInTheListAndTheJournal() throws {
        let harness = try AppHarness()
        try harness.press("n")
        // Type (select) → First name → Last name → Organisation name.
        try harness.press("Tab Tab Tab")
        harness.type("Zeppelin Logistik GmbH")
        try harness.press("Tab Tab")
        harness.type("info@zeppelin.example")
        try harness.press("C-s")
        harness.assertShows("Created “Zeppelin Logistik GmbH”")
        try harness.press("/")
        harness.type("zeppelin")
        try harness.press("Enter Enter")
        harness.assertShows("Accounts › Zeppelin Logistik GmbH")
        try harness.press("Tab Tab Tab Tab")
        harness.assertShows("admin")
        harness.assertShows("info@zeppelin.example")
    }

    func testRequiredFieldIsReportedInPlaceAndNothingIsSaved() throws {
        let harness = try AppHarness()
        let count = try harness.database.accounts(actingAs: harness.user).count(AccountQuery(), cap: 100_000).value
        try harness.press("n C-s")
        harness.assertShows("✗ required")
        XCTAssertTrue(harness.statusLine.contains("correct the marked fields"), harness.statusLine)
        let after = try harness.database.accounts(actingAs: harness.user).count(AccountQuery(), cap: 100_000).value
        XCTAssertEqual(count, after)
    }

    func testInvalidEmailIsShownUnderTheField() throws {
        let harness = try AppHarness()
        try harness.press("n Tab Tab Tab")
        harness.type("Valid Name s.r.o.")
        try harness.press("Tab")
        harness.type("not-an-email")
        try harness.press("F2")
        harness.assertShows("✗ E-mail must look like name@example.com.")
    }

    func testDeleteAsksFirstAndNoKeepsTheAccount() throws {
        let harness = try AppHarness()
        let repository = harness.database.accounts(actingAs: harness.user)
        var draft = AccountDraft(typeID: try XCTUnwrap(repository.page(AccountQuery(), .first, limit: 1).first).typeID)
        draft.firstName = "Aaron"
        draft.lastName = "Aardvark"
        draft.name = "Aardvark Trading"
        let first = try repository.create(draft)
        harness.app.currentScreen.reload(app: harness.app)
        try harness.press("Home D")
        harness.assertShows("Are you sure?")
        try harness.press("n")
        harness.assertShows(first.displayName)
        XCTAssertNoThrow(try harness.database.accounts(actingAs: harness.user).get(id: first.id))
        try harness.press("D y")
        XCTAssertThrowsError(try harness.database.accounts(actingAs: harness.user).get(id: first.id))
        harness.assertShows("Deleted “\(first.displayName)”")
    }

    func testDeletingAnAccountWithContactsSaysWhyAtOnceWithoutAsking() throws {
        let harness = try AppHarness()
        let repository = harness.database.accounts(actingAs: harness.user)
        var draft = AccountDraft(typeID: try XCTUnwrap(repository.page(AccountQuery(), .first, limit: 1).first).typeID)
        draft.lastName = "Aardvark"
        draft.name = "Aardvark Trading"
        let account = try repository.create(draft)
        let employee = try XCTUnwrap(harness.database.contactTypes(actingAs: harness.user).list().first)
        var person = ContactDraft(typeID: employee.id, accountID: account.id)
        person.lastName = "Veselá"
        _ = try harness.database.contacts(actingAs: harness.user).create(person)
        harness.app.currentScreen.reload(app: harness.app)
        try harness.press("Home D")
        harness.assertHides("Are you sure?")
        XCTAssertTrue(harness.statusLine.contains(
            "Cannot delete “\(account.displayName)”. This account still has 1 contact; delete them or move them"),
            harness.statusLine)
        XCTAssertTrue(harness.app.currentScreen is AccountListScreen, "no dialog is open")
        XCTAssertNoThrow(try repository.get(id: account.id))
    }

    func testVisibilityIsOneChoiceInTheForm() throws {
        let harness = try AppHarness()
        try harness.press("n")
        harness.assertShows("Visibility")
        harness.assertHides("Global (visible to all)")
        try harness.press("Tab Tab Tab")
        harness.type("Kestrel Optics a.s.")
        try harness.press("S-Tab S-Tab S-Tab S-Tab S-Tab")  // back to Type, then around past Note to Visibility
        harness.assertShows("Normal")
        try harness.press("p")
        harness.assertShows("Private — only me")
        try harness.press("C-s")
        harness.assertShows("Created “Kestrel Optics a.s.”")
        let created = try XCTUnwrap(harness.database.accounts(actingAs: harness.user)
            .page(AccountQuery(filter: "kestrel"), .first, limit: 1).first)
        XCTAssertEqual(created.visibility, .private)
        XCTAssertFalse(created.isGlobal)
    }

    func testFavouriteToggleAndFavouritesView() throws {
        let harness = try AppHarness()
        let first = try XCTUnwrap(harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 1).first)
        try harness.press("f")
        let toggled = try harness.database.accounts(actingAs: harness.user).get(id: first.id)
        XCTAssertNotEqual(first.isFavourite, toggled.isFavourite)
        try harness.press("Tab Tab")  // All → My accounts → Favourites
        XCTAssertEqual(harness.screen.contains(first.displayName), toggled.isFavourite, harness.screen)
    }

    /// Both users changed the phone: the save stops with both values shown, and the user's
    /// choice is saved.
    func testStaleEditShowsBothValuesAndSavesTheChosenOne() throws {
        let harness = try AppHarness()
        let repository = harness.database.accounts(actingAs: harness.user)
        let account = try XCTUnwrap(repository.page(AccountQuery(), .first, limit: 1).first)
        try harness.press("e")
        // Someone else saves a new phone number meanwhile.
        var theirs = account.fields
        theirs.phone = "+420 111 222 333"
        let other = try XCTUnwrap(harness.database.users.find(login: "jan.novak"))
        _ = try harness.database.accounts(actingAs: other).update(id: account.id, with: theirs, expectedVersion: account.version)
        // Type → First → Last → Org → Email → Phone.
        try harness.press("Tab Tab Tab Tab Tab C-u")
        harness.type("+31 999")
        try harness.press("C-s")
        harness.assertShows("Someone else saved this account meanwhile")
        harness.assertShows("someone else saved: +420 111 222 333")
        harness.assertShows("+31 999")
        XCTAssertEqual(try repository.get(id: account.id).phone, "+420 111 222 333")
        try harness.press("Enter Enter C-s")  // keep yours, save
        XCTAssertEqual(try repository.get(id: account.id).phone, "+31 999")
    }

    func testPrivateAccountIsInvisibleToOthersEvenAdmin() throws {
        let database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
        try DemoDataGenerator(scale: .small).generate(into: database) { _, _ in }
        let jan = try XCTUnwrap(database.users.find(login: "jan.novak"))
        var draft = AccountDraft(typeID: try XCTUnwrap(database.accountTypes(actingAs: jan).list().first { $0.key == "company" }).id)
        draft.name = "Aaa Secret Deal s.r.o."
        draft.isPrivate = true
        _ = try database.accounts(actingAs: jan).create(draft)
        let asJan = try AppHarness(login: "jan.novak", database: database)
        asJan.assertShows("Aaa Secret Deal")
        let asAdmin = try AppHarness(login: "admin", database: database)
        asAdmin.assertHides("Aaa Secret Deal")
        try asAdmin.press("C-p")
        asAdmin.type("secret")
        asAdmin.assertHides("Aaa Secret Deal")
    }

    /// A line break in a one-line field reads `^J` on that field's row; the note, typed in a
    /// multi-line box, goes on over as many rows as it has lines.
    func testOnlyTheNoteBreaksIntoRowsOnTheDataTab() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let company = try XCTUnwrap(harness.database.accountTypes(actingAs: harness.user).list().first { $0.key == "company" })
        var draft = AccountDraft(typeID: company.id)
        draft.name = "Ann\nBell Ltd"
        draft.city = "Leeds\nYork"
        draft.note = "Prefers e-mail.\nNo calls on Fridays."
        let account = try harness.database.accounts(actingAs: harness.user).create(draft)
        harness.app.push(AccountDetailScreen(accountID: account.id, app: harness.app))
        harness.app.processPendingInput()

        let lines = harness.lines
        let name = try XCTUnwrap(lines.first { $0.contains(" Name ") }, harness.screen)
        XCTAssertTrue(name.contains("Ann^JBell Ltd"), name)
        let address = try XCTUnwrap(lines.first { $0.contains(" Address ") }, harness.screen)
        XCTAssertTrue(address.contains("Leeds^JYork"), address)
        XCTAssertFalse(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Bell Ltd") }, harness.screen)
        let note = try XCTUnwrap(lines.firstIndex { $0.contains(" Note ") }, harness.screen)
        XCTAssertTrue(lines[note].contains("Prefers e-mail.") && !lines[note].contains("^J"), lines[note])
        XCTAssertTrue(lines[note + 1].contains("No calls on Fridays."), harness.screen)
    }
}

/// Money in detail views: exact amount, grouped thousands, currency code.
final class MoneyDisplayTests: XCTestCase {
    func testAmountsAreGroupedAndKeepTheirMinorUnits() throws {
        let eur = try Currency(code: "EUR")
        XCTAssertEqual(MoneyDisplay.text(Money(Decimal(string: "134300000.87")!, eur)), "134,300,000.87 EUR")
        XCTAssertEqual(MoneyDisplay.text(Money(Decimal(string: "-1234.5")!, eur)), "-1,234.50 EUR")
        XCTAssertEqual(MoneyDisplay.text(Money(Decimal(999), try Currency(code: "JPY"))), "999 JPY")
    }
}
