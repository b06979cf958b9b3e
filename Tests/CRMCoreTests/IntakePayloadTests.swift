import CRMCore
import XCTest

final class IntakePayloadTests: XCTestCase {
    private func json(_ text: String) throws -> [IntakePayload.Entry] {
        try IntakePayload(json: Array(text.utf8)).entries
    }

    private func form(_ text: String) throws -> [IntakePayload.Entry] {
        try IntakePayload(formURLEncoded: Array(text.utf8)).entries
    }

    private func jsonError(_ text: String) -> IntakeError? {
        jsonError(bytes: Array(text.utf8))
    }

    private func jsonError(bytes: [UInt8]) -> IntakeError? {
        do {
            _ = try IntakePayload(json: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func formError(_ text: String) -> IntakeError? {
        do {
            _ = try IntakePayload(formURLEncoded: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    func testJSONObjectsFlattenToDottedNamesInOrder() throws {
        let entries = try json("""
            {"id": 7, "properties": {"email": "ana@example.com", "address": {"city": "Brno"}}, "ok": true,
             "gone": null, "tags": ["hot", "fair", 3], "none": []}
            """)
        XCTAssertEqual(entries, [
            .init("id", "7"), .init("properties.email", "ana@example.com"), .init("properties.address.city", "Brno"),
            .init("ok", "true"), .init("tags", "hot,fair,3"), .init("none", ""),
        ])
    }

    func testJSONNumbersKeepTheirExactText() throws {
        let entries = try json(#"{"a": 0.10, "b": 12345678901234567890.123456789, "c": -1E+2, "d": 1e-7, "e": 0}"#)
        XCTAssertEqual(entries.map(\.value), ["0.10", "12345678901234567890.123456789", "-1E+2", "1e-7", "0"])
    }

    func testJSONArraysOfObjectsFlattenWithTheirIndex() throws {
        let entries = try json(#"{"fields": [{"name": "email", "value": "a@b.cz"}, "x", [1, 2]]}"#)
        XCTAssertEqual(entries, [
            .init("fields.0.name", "email"), .init("fields.0.value", "a@b.cz"), .init("fields.1", "x"),
            .init("fields.2", "1,2"),
        ])
    }

    func testJSONStringEscapesDecodeExactly() throws {
        let entries = try json(#"{"t": "a\"b\\c\/d\b\f\n\r\t\u001b[31m\u00e9\ud83d\ude00\u0000"}"#)
        XCTAssertEqual(entries.first?.value, "a\"b\\c/d\u{8}\u{C}\n\r\t\u{1B}[31mé😀\u{0}")
    }

    func testJSONWithByteOrderMarkAndWhitespaceIsRead() throws {
        XCTAssertEqual(try IntakePayload(json: [0xEF, 0xBB, 0xBF] + Array(" {\"a\":\"b\"}\n".utf8)).entries,
                       [.init("a", "b")])
    }

    func testMalformedJSONNamesTheLineAndColumn() throws {
        let cases: [(String, String, Int, Int, Int)] = [
            ("{\"a\": 1,\n \"b\" 2}", "Expected : after the field name.", 2, 6, 14),
            ("{\"a\": 01}", "A number cannot start with 0 followed by digits.", 1, 8, 7),
            ("{\"a\": 1.}", "A number needs digits after the decimal point.", 1, 9, 8),
            ("{\"a\": tru}", "Expected a value; did you mean true?", 1, 7, 6),
            ("{\"a\": \"x\ny\"}", "Control character U+000A must be written as an escape inside a JSON string.", 1, 9, 8),
            ("{\"a\": \"\\ud800x\"}", "A high surrogate \\uD800 must be followed by a low surrogate.", 1, 8, 7),
            ("{\"a\": \"\\udc00\"}", "A low surrogate \\uDC00 cannot stand alone.", 1, 8, 7),
            ("{\"a\": \"\\q\"}", "Unknown escape \\q.", 1, 9, 8),
            ("{\"a\": \"open}", "This string is never closed with \".", 1, 7, 6),
            ("[1, 2]", "The body must be a JSON object starting with {.", 1, 1, 0),
            ("{\"a\": 1} x", "Unexpected text after the JSON object.", 1, 10, 9),
            ("{\"a\": 1,}", "Expected a quoted field name.", 1, 9, 8),
            ("{\"a\": [1 2]}", "Expected , or ] in the array.", 1, 10, 9),
            ("{\"a\": ", "The JSON ends where a value was expected.", 1, 7, 6),
            ("", "The body must be a JSON object starting with {.", 1, 1, 0),
        ]
        for (body, message, line, column, offset) in cases {
            let error = try XCTUnwrap(jsonError(body), body)
            XCTAssertEqual(error.message, message, body)
            XCTAssertEqual(error.position, .init(offset: offset, line: line, column: column), body)
        }
    }

    func testJSONRefusesInvalidUTF8AndDeepNesting() throws {
        let invalid = try XCTUnwrap(jsonError(bytes: Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)))
        XCTAssertEqual(invalid.message, "This string is not valid UTF-8.")
        XCTAssertEqual(invalid.position?.offset, 6)
        let deep = String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40)
        XCTAssertEqual(jsonError(deep)?.message, "JSON nested deeper than 32 levels.")
        XCTAssertNotNil(try? json(String(repeating: "{\"a\":", count: 32) + "1" + String(repeating: "}", count: 32)))
    }

    func testFormBodiesDecodeAndBracketNamesBecomeDotted() throws {
        let entries = try form(
            "type=subscribe&data%5Bmerges%5D%5BFNAME%5D=Ana+Mar%C3%ADa&data[merges][LNAME]=N%C3%B3vak&&"
                + "tags[]=hot&note=a%2Bb%3Dc%26d&tags[]=fair&empty=&flag")
        XCTAssertEqual(entries, [
            .init("type", "subscribe"), .init("data.merges.FNAME", "Ana María"), .init("data.merges.LNAME", "Nóvak"),
            .init("tags", "hot,fair"), .init("note", "a+b=c&d"), .init("empty", ""), .init("flag", ""),
        ])
        XCTAssertEqual(try form("a=%1B%5B2J%0D%00"), [.init("a", "\u{1B}[2J\r\u{0}")])
        XCTAssertEqual(try form(""), [])
    }

    func testMalformedFormBodiesNameTheByte() throws {
        let cases: [(String, String, Int)] = [
            ("a=1&b=%zz", "% must be followed by two hex digits.", 6),
            ("a=1&b=%4", "% must be followed by two hex digits.", 6),
            ("a=1&=2", "A form field has no name.", 4),
            ("ok=1&data[merges=2", "The field name \"data[merges\" has unbalanced brackets.", 5),
            ("x]=1", "The field name \"x]\" has unbalanced brackets.", 0),
            ("tags[][x]=1", "The field name \"tags[][x]\" has unbalanced brackets.", 0),
            ("a=1&b=%C3%28", "This form field is not valid UTF-8 once decoded.", 6),
        ]
        for (body, message, offset) in cases {
            let error = try XCTUnwrap(formError(body), body)
            XCTAssertEqual(error.message, message, body)
            XCTAssertEqual(error.position, .init(offset: offset, line: 1, column: offset + 1), body)
        }
    }

    func testContentTypesChooseTheFormat() throws {
        XCTAssertEqual(IntakePayload.Format(contentType: "application/json; charset=utf-8"), .json)
        XCTAssertEqual(IntakePayload.Format(contentType: "Application/X-WWW-Form-URLEncoded"), .formURLEncoded)
        XCTAssertNil(IntakePayload.Format(contentType: "text/plain"))
        XCTAssertEqual(try IntakePayload(body: Array("a=1".utf8), format: .formURLEncoded).entries, [.init("a", "1")])
    }

    func testErrorDescriptionsSayWhere() {
        XCTAssertEqual(jsonError("{\"a\" 1}")?.description, "Expected : after the field name. At line 1, column 6 (byte 5).")
    }
}
