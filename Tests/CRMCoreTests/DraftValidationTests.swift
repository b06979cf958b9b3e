import CRMCore
import XCTest

final class DraftValidationTests: XCTestCase {
    private let person = AccountType(
        id: 1, key: "person", name: "Person", usesPersonName: true, usesOrganisationName: false, position: 1)
    private let company = AccountType(
        id: 2, key: "company", name: "Company", usesPersonName: false, usesOrganisationName: true, position: 2)

    func testPersonNeedsLastNameCompanyNeedsName() {
        var draft = AccountDraft(typeID: 1)
        XCTAssertEqual(draft.validate(type: person).map(\.field), ["lastName"])
        XCTAssertEqual(draft.validate(type: company).map(\.field), ["name"])
        draft.lastName = "Dvořák"
        XCTAssertEqual(draft.validate(type: person), [])
    }

    func testDisplayNameFollowsTheType() {
        var draft = AccountDraft(typeID: 1)
        draft.firstName = "Jan"
        draft.lastName = "Novák"
        draft.name = "Novák s.r.o."
        XCTAssertEqual(draft.displayName(usingPersonName: true), "Jan Novák")
        XCTAssertEqual(draft.displayName(usingPersonName: false), "Novák s.r.o.")
    }

    func testEmailShape() {
        var draft = AccountDraft(typeID: 2)
        draft.name = "Acme"
        for bad in ["x", "a@b", "a@@b.cz", "@b.cz", "a b@c.cz", "a@.cz", "a@b.cz."] {
            draft.email = bad
            XCTAssertEqual(draft.validate(type: company).map(\.field), ["email"], bad)
        }
        draft.email = "jan.novak+crm@firma.example.cz"
        XCTAssertEqual(draft.validate(type: company), [])
    }

    /// An address with a direction mark or zero-width character looks like another one on screen.
    func testEmailWithInvisibleCharactersIsRefused() {
        var draft = AccountDraft(typeID: 2)
        draft.name = "Acme"
        for invisible in ["\u{202E}", "\u{200B}", "\u{200D}", "\u{2066}", "\u{FEFF}", "\u{200E}"] {
            draft.email = "jan" + invisible + "@firma.cz"
            XCTAssertEqual(draft.validate(type: company).first?.message.hasPrefix("E-mail holds an invisible character"), true,
                           invisible.debugDescription)
        }
    }

    func testATagWithANulIsRefusedLikeEveryOtherField() {
        var lead = LeadDraft()
        lead.company = "Kestrel"
        lead.tags = ["vip", "hot\u{0}lead"]
        XCTAssertEqual(lead.validate().map(\.message), ["A tag contains a NUL character, which cannot be stored."])
    }

    func testLengthCapsAndNul() {
        var draft = AccountDraft(typeID: 2)
        draft.name = String(repeating: "L", count: 201)
        draft.note = String(repeating: "n", count: FieldRules.noteLimit)
        XCTAssertEqual(draft.validate(type: company).map(\.field), ["name"])
        draft.name = "Nul\u{0}Byte"
        XCTAssertEqual(draft.validate(type: company).first?.message, "Organisation name contains a NUL character, which cannot be stored.")
    }

    func testContactNeedsAName() {
        var draft = ContactDraft(typeID: 1)
        XCTAssertEqual(draft.validate().map(\.field), ["lastName"])
        draft.firstName = "Taro"
        XCTAssertEqual(draft.validate(), [])
    }

    func testAccountTypeNeedsANameField() {
        let draft = AccountTypeDraft(key: "x", name: "X", usesPersonName: false, usesOrganisationName: false)
        XCTAssertEqual(draft.validate().map(\.field), ["usesOrganisationName"])
        let badKey = AccountTypeDraft(key: "Big Key", name: "X", usesPersonName: true, usesOrganisationName: false)
        XCTAssertEqual(badKey.validate().map(\.field), ["key"])
    }

    func testChangesListOnlyDifferingFields() {
        var old = AccountDraft(typeID: 2)
        old.name = "Acme"
        var new = old
        new.city = "Brno"
        new.isKeyAccount = true
        let changes = new.changes(from: old)
        XCTAssertEqual(changes.map(\.field), ["city", "isKeyAccount"])
        XCTAssertEqual(changes.map(\.old), ["", "false"])
        XCTAssertEqual(changes.map(\.new), ["Brno", "true"])
    }

    func testBoundedCountText() {
        XCTAssertEqual(BoundedCount(seen: 10_001, cap: 10_000).description, "10,000+")
        XCTAssertEqual(BoundedCount(seen: 1234, cap: 10_000).description, "1,234")
        XCTAssertEqual(BoundedCount(seen: 12, cap: 10_000).description, "12")
    }

    func testLoginRules() {
        XCTAssertNil(User.validateLogin("jan.novak-2_x"))
        XCTAssertNotNil(User.validateLogin("Jan"))
        XCTAssertNotNil(User.validateLogin(""))
        XCTAssertNotNil(User.validateLogin("jan novak"))
    }

    func testAnAccountIsEitherGlobalOrPrivate() {
        var draft = AccountDraft(typeID: 2)
        draft.name = "Acme"
        draft.isGlobal = true
        draft.isPrivate = true
        XCTAssertEqual(draft.validate(type: company).map(\.field), ["isPrivate"])
        XCTAssertEqual(draft.validate(type: company).first?.message,
                       "An account is either global (visible to all) or private (only its creator sees it), not both; choose one.")
        XCTAssertEqual(draft.visibility, .private)
        draft.visibility = .global
        XCTAssertEqual([draft.isGlobal, draft.isPrivate], [true, false])
        XCTAssertEqual(draft.validate(type: company), [])
        draft.visibility = .normal
        XCTAssertEqual([draft.isGlobal, draft.isPrivate], [false, false])
    }
}

final class SalesActivityDraftTests: XCTestCase {
    func testActivityNeedsACategoryAndADurationWithinADay() {
        var draft = SalesActivityDraft(target: .account(1), categoryID: nil, at: Date(timeIntervalSince1970: 0), ownerID: 1)
        XCTAssertEqual(draft.validate().map(\.field), ["categoryID"])
        draft.categoryID = 3
        draft.durationMinutes = 1_441
        XCTAssertEqual(draft.validate().map(\.field), ["durationMinutes"])
        draft.durationMinutes = -1
        XCTAssertEqual(draft.validate().map(\.field), ["durationMinutes"])
        draft.durationMinutes = 1_440
        XCTAssertEqual(draft.validate(), [])
        draft.outcome = String(repeating: "x", count: FieldRules.lineLimit + 1)
        draft.description = "ok\u{0}"
        XCTAssertEqual(draft.validate().map(\.field), ["outcome", "description"])
    }
}

final class OpportunityDraftTests: XCTestCase {
    func testAnAmountSaysWhatItsCurrencyAllows() throws {
        var draft = OpportunityDraft(name: "Fleet renewal", statusID: 1)
        draft.amount = Money(Decimal(string: "0.5")!, try Currency(code: "JPY"))
        XCTAssertEqual(draft.validate(), [FieldError(field: "amount", message: "JPY amounts have no decimals.")])
        draft.amount = Money(Decimal(string: "12.345")!, try Currency(code: "EUR"))
        XCTAssertEqual(draft.validate(), [FieldError(field: "amount", message: "EUR amounts have at most 2 decimals.")])
        draft.amount = Money(Decimal(string: "12.34")!, try Currency(code: "EUR"))
        XCTAssertEqual(draft.validate(), [])
    }
}
