import CRMCore
import XCTest

/// Finding a person's mentions in free text, for anonymizing (LD-9, PC-3).
final class PersonMentionsTests: XCTestCase {
    private let person = PersonMentions([
        ("firstName", "Zdeňka"), ("lastName", "Quillfeather"), ("firstName", "Zdenka"),
        ("email", "zq@fernhollow.example"), ("phone", "+420 731 555 019"), ("mobile", "0602 555 388"),
        ("jobTitle", "Buyer"),
    ])

    func testAFullNameGoesInOnePieceAndANameWordAlone() {
        XCTAssertEqual(person.scrub("Met Zdeňka Quillfeather and her boss"), "Met [erased] and her boss")
        XCTAssertEqual(person.scrub("QUILLFEATHER called; zdenka will write"), "[erased] called; [erased] will write")
        XCTAssertEqual(person.scrub("#3002 Zdenka Quillfeather"), "#3002 [erased]", "an older spelling too")
    }

    func testANameInsideALongerWordIsNoMention() {
        XCTAssertEqual(person.scrub("Quillfeathers Ltd and Zdeňkaová"), "Quillfeathers Ltd and Zdeňkaová")
    }

    func testEmailsMatchWholeIgnoringCase() {
        XCTAssertEqual(person.scrub("Reply to ZQ@Fernhollow.example."), "Reply to [erased].")
        XCTAssertEqual(person.scrub("newsletter:zq@fernhollow.example"), "newsletter:[erased]")
        XCTAssertEqual(person.scrub("xzq@fernhollow.example"), "xzq@fernhollow.example")
    }

    func testPhoneNumbersMatchHoweverTheyAreWritten() {
        XCTAssertEqual(person.scrub("Call +420 731 555 019 today"), "Call [erased] today")
        XCTAssertEqual(person.scrub("call 731-555-019 or 00420731555019"), "call [erased] or [erased]")
        XCTAssertEqual(person.scrub("mobile +420 602 555 388, desk (731) 555 019"), "mobile [erased], desk [erased]")
        XCTAssertEqual(person.scrub("Order 555 019 of 2026-03-19"), "Order 555 019 of 2026-03-19", "too short to be the number")
        XCTAssertEqual(person.scrub("ref 1731555019"), "ref 1731555019", "a longer number is another number")
    }

    func testOnlyIdentityFieldsCount() {
        XCTAssertEqual(person.scrub("Buyer"), "Buyer")
        XCTAssertFalse(person.isMentioned(in: "The buyer called"))
        XCTAssertTrue(person.isMentioned(in: "zdenka"))
    }

    func testOnlyAFullNameAnEmailOrAPhoneIdentifies() {
        XCTAssertTrue(person.identifies("Zdeňka Quillfeather: Decision maker"))
        XCTAssertTrue(person.identifies("zdenka quillfeather: Champion"))
        XCTAssertTrue(person.identifies("sent by zq@fernhollow.example"))
        XCTAssertFalse(person.identifies("Zdeňka Nováková: Champion"), "another Zdeňka")
    }
}
