@testable import CRMStore
import Foundation
import GRDB
import TestFixtures
import XCTest

/// The JSON lists intake hands to `json_each` come back inside SQLite exactly as the Swift
/// strings were, whatever they contain. The comparison stays in SQL, against each string bound
/// as its UTF-8 bytes. Strings with NUL are left out: SQLite's JSON functions do not carry it
/// through, and no key or name can hold one (fields refuse it).
final class JSONListTests: XCTestCase {
    func testEveryHostileStringSurvivesJSONEach() throws {
        let texts = (try HostileStrings.all().map(\.text) + ["", "\"", "\\", "a\"b\\c", "\u{1f}\u{7f}", "日本"])
            .filter { !$0.unicodeScalars.contains("\u{0}") }
        let strings = JSONList.strings(texts)
        let pairs = JSONList.pairs(zip(texts, texts.reversed()))
        let queue = try DatabaseQueue()
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM json_each(?)", arguments: [strings]), texts.count)
            for (index, (text, other)) in zip(texts, texts.reversed()).enumerated() {
                XCTAssertEqual(try Bool.fetchOne(db, sql: "SELECT value = CAST(? AS TEXT) FROM json_each(?) WHERE key = ?",
                                                 arguments: [Data(text.utf8), strings, index]), true, text)
                XCTAssertEqual(try Bool.fetchOne(db, sql: """
                    SELECT json_extract(value, '$[0]') = CAST(? AS TEXT) AND json_extract(value, '$[1]') = CAST(? AS TEXT)
                    FROM json_each(?) WHERE key = ?
                    """, arguments: [Data(text.utf8), Data(other.utf8), pairs, index]), true, text)
            }
        }
    }
}
