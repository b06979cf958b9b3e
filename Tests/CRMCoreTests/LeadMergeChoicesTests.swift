import CRMCore
import XCTest

/// Per-field choices of a lead merge (LP-7): defaults, rows that travel together, custom attributes.
final class LeadMergeChoicesTests: XCTestCase {
    func testAnAssigneeComesWithItsPartnerSideSoNeverBoth() throws {
        var kept = LeadDraft()
        kept.company = "Kestrel Ltd"
        kept.assigneeID = 7
        var removed = LeadDraft()
        removed.company = "Kestrel Ltd"
        removed.partnerID = 3
        var choices = LeadMergeChoices(kept: kept, removed: removed)
        XCTAssertEqual(choices.differingRows, [.assignee])
        XCTAssertEqual(choices.merged.assigneeID, 7)
        XCTAssertNil(choices.merged.partnerID)
        choices.choose(.removed, for: .assignee)
        XCTAssertNil(choices.merged.assigneeID)
        XCTAssertEqual(choices.merged.partnerID, 3)
        XCTAssertEqual(choices.merged.validate(), [])
    }

    func testEmptyKeptFieldsTakeTheOtherValueAndCustomAttributesAreUnited() throws {
        var kept = LeadDraft()
        kept.email = "ana@kestrel.example"
        kept.customAttributes = ["form": "spring", "lang": "cs"]
        var removed = LeadDraft()
        removed.email = "other@kestrel.example"
        removed.value = Money(minorUnits: 50_000, try Currency(code: "EUR"))
        removed.score = 0
        removed.customAttributes = ["form": "autumn", "booth": "B12"]
        let choices = LeadMergeChoices(kept: kept, removed: removed)
        XCTAssertEqual(choices.side(of: .email), .kept)
        XCTAssertEqual(choices.side(of: .value), .removed)
        XCTAssertEqual(choices.side(of: .score), .removed, "a score of 0 is a value, not an empty field")
        XCTAssertEqual(choices.merged.value?.description, "500.00 EUR")
        XCTAssertEqual(choices.merged.customAttributes, ["form": "spring", "lang": "cs", "booth": "B12"])
    }

    func testRebasedChoicesKeepSidesWhereTheFieldsStillDiffer() {
        var kept = LeadDraft()
        (kept.company, kept.source, kept.country) = ("Kestrel Ltd", "web", "CZ")
        var removed = LeadDraft()
        (removed.company, removed.source, removed.country) = ("Kestrel Ltd", "fair", "DE")
        var choices = LeadMergeChoices(kept: kept, removed: removed)
        choices.choose(.removed, for: .source)
        choices.choose(.removed, for: .country)
        removed.country = "CZ"
        removed.source = "phone"
        let fresh = choices.rebased(kept: kept, removed: removed)
        XCTAssertEqual(fresh.side(of: .source), .removed)
        XCTAssertEqual(fresh.merged.source, "phone", "the fresh value, not the one read before")
        XCTAssertEqual(fresh.differingRows, [.source])
        XCTAssertEqual(fresh.side(of: .country), .kept)
    }
}
