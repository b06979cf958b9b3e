import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import TestFixtures
import XCTest

/// Every string of the shared hostile test data, typed as a filter or quoted as a value, parses
/// and runs or fails with a positioned error; nothing crashes or reaches SQL as text.
final class FilterHostileInputTests: XCTestCase {
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func testHostileStringsParseOrFailCleanly() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let all = try HostileStrings.all()
        XCTAssertGreaterThan(all.count, 20)
        for item in all where fixture.company(item.text).validate(type: fixture.companyType).isEmpty {
            var draft = fixture.company(item.text)
            draft.city = item.text
            _ = try accounts.create(draft)
        }
        let catalog = try fixture.db.accountFilterCatalog()
        let context = FilterContext(
            today: CalendarDate(year: 2027, month: 2, day: 17)!, timeZone: TimeZone(identifier: "UTC")!,
            me: fixture.alice.id, rates: ExchangeRateTable(base: try Currency(code: "CZK")))
        for item in all {
            let length = item.text.count
            for filter in [item.text, "name=\(quoted(item.text))", "city:\(quoted(item.text))", quoted(item.text),
                           "-(\(item.text)) OR x", "since:\(item.text)", "employees>\(item.text)"] {
                do {
                    let compiled = try catalog.compile(filter, context: context)
                    let condition: SQL = compiled.condition.map { "WHERE " + $0 } ?? ""
                    XCTAssertNoThrow(try fixture.db.read { db in
                        try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM accounts a \(condition)"))
                    }, item.case)
                } catch {
                    XCTAssertFalse(error.message.isEmpty, item.case)
                    XCTAssertLessThanOrEqual(error.range.end, filter.count, item.case)
                    XCTAssertLessThanOrEqual(error.range.start, error.range.end, item.case)
                }
            }
            // A value quoted exactly finds the accounts named by it whole.
            let allowed = fixture.company(item.text).validate(type: fixture.companyType).isEmpty
            let compiled = try catalog.compile("name=\(quoted(item.text))", context: context)
            let matches = try fixture.db.read { db in
                try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM accounts a WHERE \(compiled.condition!)"))
            }
            XCTAssertGreaterThanOrEqual(matches ?? 0, allowed && length > 0 ? 1 : 0, item.case)
        }
    }
}
