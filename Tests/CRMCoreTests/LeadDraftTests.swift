import CRMCore
import XCTest

final class LeadDraftTests: XCTestCase {
    func testALeadNeedsSomethingToTellItApart() {
        XCTAssertEqual(LeadDraft().validate().map(\.field), ["lastName"])
        var draft = LeadDraft()
        draft.email = "ana@example.com"
        XCTAssertEqual(draft.validate(), [])
        XCTAssertEqual(draft.displayName, "ana@example.com")
        draft.company = "Acme"
        XCTAssertEqual(draft.displayName, "Acme")
        draft.firstName = "Ana"
        XCTAssertEqual(draft.displayName, "Ana")
    }

    func testFieldRulesAreReportedPerField() throws {
        var draft = LeadDraft()
        draft.company = "Acme"
        draft.email = "not an address"
        draft.score = 1_001
        draft.value = Money(Decimal(string: "10.555")!, try Currency(code: "EUR"))
        draft.tags = ["hot", "a,b"]
        draft.assigneeID = 1
        draft.partnerID = 2
        XCTAssertEqual(Set(draft.validate().map(\.field)), ["email", "score", "value", "tags", "assigneeID"])
    }

    func testAValueSaysWhatItsCurrencyAllows() throws {
        var draft = LeadDraft()
        draft.company = "Acme"
        draft.value = Money(Decimal(string: "1500.5")!, try Currency(code: "JPY"))
        XCTAssertEqual(draft.validate(), [FieldError(field: "value", message: "JPY amounts have no decimals.")])
        draft.value = Money(-1, try Currency(code: "EUR"))
        XCTAssertEqual(draft.validate(), [FieldError(field: "value", message: "The value cannot be negative.")])
    }

    func testJournalValuesHoldCustomAttributesInNameOrder() {
        var draft = LeadDraft()
        draft.company = "Acme"
        draft.customAttributes = ["zeta": "1", "alpha": "2"]
        let custom = draft.journalValues.filter { $0.field.hasPrefix("custom.") }
        XCTAssertEqual(custom.map(\.field), ["custom.alpha", "custom.zeta"])
    }
}
