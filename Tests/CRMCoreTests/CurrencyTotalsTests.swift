import CRMCore
import XCTest

final class CurrencyTotalsTests: XCTestCase {
    func testTotalConvertsEachCurrencyExactlyAndRoundsOnce() throws {
        let eur = try Currency(code: "EUR"), czk = try Currency(code: "CZK"), usd = try Currency(code: "USD")
        let table = ExchangeRateTable(base: eur, rates: ["CZK": Decimal(string: "0.0398")!, "USD": Decimal(string: "0.9215")!])
        var totals = CurrencyTotals()
        totals.add(count: 2, minorUnits: 1_000_050, currency: eur)      // 10 000.50 EUR
        totals.add(count: 3, minorUnits: 12_345_678, currency: czk)     // 123 456.78 CZK → 4913.579844 EUR
        totals.add(count: 1, minorUnits: 333, currency: usd)            // 3.33 USD → 3.068595 EUR
        XCTAssertEqual(totals.count, 6)
        XCTAssertEqual(totals.total(in: table).description, "14917.15 EUR")
        XCTAssertEqual(totals.breakdown(table).map(\.description), ["10000.50 EUR", "123456.78 CZK", "3.33 USD"])
        XCTAssertEqual(totals.unconverted(table), [])
    }

    func testCurrencyWithoutRateIsListedNotGuessed() throws {
        let eur = try Currency(code: "EUR"), jpy = try Currency(code: "JPY")
        var totals = CurrencyTotals()
        totals.add(count: 1, minorUnits: 5_000, currency: jpy)
        totals.add(count: 1, minorUnits: 100, currency: eur)
        let table = ExchangeRateTable(base: eur, rates: [:])
        XCTAssertEqual(totals.total(in: table).description, "1.00 EUR")
        XCTAssertEqual(totals.unconverted(table), [jpy])
    }

    func testMinorUnitsRoundTripExactly() throws {
        let kwd = try Currency(code: "KWD")
        XCTAssertEqual(Money(minorUnits: -123_456, kwd).description, "-123.456 KWD")
        XCTAssertEqual(Money(minorUnits: 999_999_999_999_999, kwd).minorUnits, 999_999_999_999_999)
        XCTAssertNil(Money(Decimal(string: "0.0005")!, kwd).minorUnits)
    }
}
