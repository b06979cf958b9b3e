import CRMCore
import Foundation
import XCTest

final class MoneyTests: XCTestCase {
    private let czk = try! Currency(code: "CZK")
    private let eur = try! Currency(code: "EUR")

    private func money(_ text: String, _ currency: Currency? = nil) throws -> Money {
        try Money(parsing: text, currency: currency ?? czk)
    }

    func testDecimalSumIsExact() throws {
        let sum = try money("0.1") + money("0.2")
        XCTAssertEqual(sum, try money("0.3"))
        XCTAssertEqual(sum.amountText(), "0.30")
    }

    func testParsesCommonWritings() throws {
        XCTAssertEqual(try money("1 234,50").amountText(), "1234.50")
        XCTAssertEqual(try money("1234.50").amountText(), "1234.50")
        XCTAssertEqual(try money("-3").amountText(), "-3.00")
        XCTAssertEqual(try money("+7,5").amountText(), "7.50")
        XCTAssertEqual(try money("1.234.567,89").amountText(), "1234567.89")
        XCTAssertEqual(try money("1,234,567.89").amountText(), "1234567.89")
        XCTAssertEqual(try money("1\u{A0}000").amountText(), "1000.00")
        XCTAssertEqual(try money("1'000.25").amountText(), "1000.25")
        XCTAssertEqual(try money(",5").amountText(), "0.50")
        XCTAssertEqual(try money("\u{2212}2").amountText(), "-2.00")
    }

    func testOneSeparatorIsTheDecimalSeparator() throws {
        XCTAssertEqual(try money("1,234").amount, Decimal(string: "1.234"))
        XCTAssertEqual(try money("1.234").amount, Decimal(string: "1.234"))
    }

    func testRefusesMalformedAmounts() {
        for text in ["", "-", "abc", "1.2.3,4,5", "1,23,4.5", "12e3", "1..2", "0x10", "1 234,5,6", "١٢"] {
            XCTAssertThrowsError(try money(text), text) { error in
                XCTAssertEqual(error as? MoneyError, .invalidAmount(text))
            }
        }
    }

    func testKeepsFullPrecisionOfLongAmounts() throws {
        XCTAssertEqual(try money("12345678901234567890.123456").amount, Decimal(string: "12345678901234567890.123456"))
    }

    func testRoundingModes() throws {
        XCTAssertEqual(try money("2.345").rounded(.plain).amountText(), "2.35")
        XCTAssertEqual(try money("2.345").rounded(.bankers).amountText(), "2.34")
        XCTAssertEqual(try money("2.355").rounded(.bankers).amountText(), "2.36")
        XCTAssertEqual(try money("-2.345").rounded(.plain).amountText(), "-2.35")
        XCTAssertEqual(try money("2.344").rounded(.plain).amountText(), "2.34")
    }

    func testMinorUnitsFollowTheCurrency() throws {
        let yen = try Currency(code: "JPY")
        let dinar = try Currency(code: "KWD")
        XCTAssertEqual(try money("1234.5", yen).amountText(), "1235")
        XCTAssertEqual(try money("1.2345", dinar).amountText(), "1.235")
        XCTAssertEqual(try money("10", eur).description, "10.00 EUR")
    }

    func testWholeMinorUnitsAreExactAndRefusedBeyondTheLimitOrCurrencyDecimals() throws {
        let yen = try Currency(code: "JPY")
        XCTAssertEqual(try money("1234.50", eur).minorUnits, 123_450)
        XCTAssertEqual(try money("-0.01", eur).minorUnits, -1)
        XCTAssertEqual(try money("0", eur).minorUnits, 0)
        XCTAssertEqual(try money("1500", yen).minorUnits, 1_500)
        XCTAssertEqual(try money("150.000", eur).minorUnits, 15_000)
        XCTAssertEqual(try money("12000000", eur).minorUnits, 1_200_000_000)
        XCTAssertEqual(try money("9999999999999.99", eur).minorUnits, 999_999_999_999_999)
        XCTAssertEqual(try money("-9999999999999.99", eur).minorUnits, -999_999_999_999_999)
        XCTAssertNil(try money("10000000000000.00", eur).minorUnits)
        XCTAssertNil(try money("1.005", eur).minorUnits)
        XCTAssertNil(try money("0.5", yen).minorUnits)
        XCTAssertEqual(Money(minorUnits: 987_654_321_012_345, eur).minorUnits, 987_654_321_012_345)
    }

    func testStorageProblemsSayWhatTheCurrencyAllows() throws {
        let yen = try Currency(code: "JPY")
        let dinar = try Currency(code: "KWD")
        XCTAssertEqual(try money("0.5", yen).storageProblem, "JPY amounts have no decimals.")
        XCTAssertEqual(try money("1.005", eur).storageProblem, "EUR amounts have at most 2 decimals.")
        XCTAssertEqual(try money("1.0005", dinar).storageProblem, "KWD amounts have at most 3 decimals.")
        XCTAssertEqual(try money("10000000000000", eur).storageProblem, "EUR amounts must stay below 10^13.")
        XCTAssertEqual(try money("1000000000000000", yen).storageProblem, "JPY amounts must stay below 10^15.")
        XCTAssertNil(try money("999999999999999", yen).storageProblem)
        XCTAssertNil(try money("150.000", eur).storageProblem)
    }

    func testCurrencyCodesMustBeThreeCapitals() {
        for code in ["", "eur", "EURO", "E1R", "ČZK"] {
            XCTAssertThrowsError(try Currency(code: code), code)
        }
    }

    func testDifferentCurrenciesDoNotAdd() throws {
        XCTAssertThrowsError(try money("1").adding(try money("1", eur))) { error in
            XCTAssertEqual(error as? MoneyError, .currencyMismatch("CZK", "EUR"))
        }
        XCTAssertEqual(try money("1").adding(try money("2")).amountText(), "3.00")
    }

    func testMultiplicationStaysExact() throws {
        XCTAssertEqual(try money("19.99").multiplied(by: 3).amountText(), "59.97")
        XCTAssertEqual(try money("100").multiplied(by: Decimal(string: "0.21")!).amountText(), "21.00")
    }
}
