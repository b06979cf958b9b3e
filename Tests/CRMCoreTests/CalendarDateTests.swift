import CRMCore
import XCTest

final class CalendarDateTests: XCTestCase {
    func testPrintsAndParsesISODays() throws {
        let samples = [(2026, 11, 1, "2026-11-01"), (5, 3, 7, "0005-03-07"), (9999, 12, 31, "9999-12-31"),
                       (2024, 2, 29, "2024-02-29")]
        for (year, month, day, text) in samples {
            let date = try XCTUnwrap(CalendarDate(year: year, month: month, day: day))
            XCTAssertEqual(date.description, text)
            XCTAssertEqual(CalendarDate(parsing: text), date)
        }
        XCTAssertEqual(CalendarDate(year: 2026, month: 11, day: 1)?.adding(days: -183).description, "2026-05-02")
    }
}
