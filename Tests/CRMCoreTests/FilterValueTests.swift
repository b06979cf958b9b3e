import CRMCore
import Foundation
import XCTest

final class FilterValueTests: XCTestCase {
    /// A Wednesday.
    private let today = CalendarDate(year: 2027, month: 2, day: 17)!

    private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    private func days(_ text: String, today: CalendarDate? = nil) -> String {
        do {
            let run = try FilterDates.days(FilterLiteral(text, range: FilterRange(0, text.count)), today: today ?? self.today)
            return run.lowerBound == run.upperBound ? "\(run.lowerBound)" : "\(run.lowerBound)..\(run.upperBound)"
        } catch {
            return error.description
        }
    }

    func testAbsoluteDatesMonthsAndYears() {
        XCTAssertEqual(days("2027-01-31"), "2027-01-31")
        XCTAssertEqual(days("2027-02"), "2027-02-01..2027-02-28")
        XCTAssertEqual(days("2028-02"), "2028-02-01..2028-02-29")
        XCTAssertEqual(days("2027"), "2027-01-01..2027-12-31")
    }

    func testNamedDays() {
        XCTAssertEqual(days("today"), "2027-02-17")
        XCTAssertEqual(days("Yesterday"), "2027-02-16")
        XCTAssertEqual(days("TOMORROW"), "2027-02-18")
        XCTAssertEqual(days("yesterday", today: day("2028-03-01")), "2028-02-29")
    }

    func testRelativeDays() {
        XCTAssertEqual(days("+30d"), "2027-03-19")
        XCTAssertEqual(days("-2w"), "2027-02-03")
        XCTAssertEqual(days("+3m"), "2027-05-17")
        XCTAssertEqual(days("-1y"), "2026-02-17")
        XCTAssertEqual(days("+0d"), "2027-02-17")
    }

    func testRelativeMonthsClampToTheMonthEnd() {
        XCTAssertEqual(days("+1m", today: day("2027-01-31")), "2027-02-28")
        XCTAssertEqual(days("+1m", today: day("2028-01-31")), "2028-02-29")
        XCTAssertEqual(days("+1y", today: day("2028-02-29")), "2029-02-28")
        XCTAssertEqual(days("-4y", today: day("2028-02-29")), "2024-02-29")
    }

    func testWeeksStartOnMonday() {
        XCTAssertEqual(days("this-week"), "2027-02-15..2027-02-21")
        XCTAssertEqual(days("this-week", today: day("2027-02-15")), "2027-02-15..2027-02-21")
        XCTAssertEqual(days("this-week", today: day("2027-02-21")), "2027-02-15..2027-02-21")
        XCTAssertEqual(days("last-week"), "2027-02-08..2027-02-14")
        XCTAssertEqual(days("next-week"), "2027-02-22..2027-02-28")
        // 2027-01-03 is a Sunday: its week began in the old year.
        XCTAssertEqual(days("this-week", today: day("2027-01-03")), "2026-12-28..2027-01-03")
        XCTAssertEqual(days("next-week", today: day("2028-02-23")), "2028-02-28..2028-03-05")
    }

    func testMonthsQuartersAndYears() {
        XCTAssertEqual(days("this-month"), "2027-02-01..2027-02-28")
        XCTAssertEqual(days("last-month", today: day("2027-01-31")), "2026-12-01..2026-12-31")
        XCTAssertEqual(days("next-month", today: day("2028-01-31")), "2028-02-01..2028-02-29")
        XCTAssertEqual(days("this-quarter"), "2027-01-01..2027-03-31")
        XCTAssertEqual(days("last-quarter"), "2026-10-01..2026-12-31")
        XCTAssertEqual(days("next-quarter", today: day("2027-11-30")), "2028-01-01..2028-03-31")
        XCTAssertEqual(days("this-quarter", today: day("2027-06-30")), "2027-04-01..2027-06-30")
        XCTAssertEqual(days("this-quarter", today: day("2027-07-01")), "2027-07-01..2027-09-30")
        XCTAssertEqual(days("this-year"), "2027-01-01..2027-12-31")
        XCTAssertEqual(days("Last-Year"), "2026-01-01..2026-12-31")
        XCTAssertEqual(days("next-year"), "2028-01-01..2028-12-31")
    }

    func testNotADate() {
        let hint = "is not a date; write 2027-01-31, today, +30d or this-quarter at"
        XCTAssertEqual(days("abc"), "\"abc\" \(hint) 1–3")
        XCTAssertEqual(days("2027-02-29"), "\"2027-02-29\" \(hint) 1–10")
        XCTAssertEqual(days("2027-1"), "\"2027-1\" \(hint) 1–6")
        XCTAssertEqual(days("+30x"), "\"+30x\" \(hint) 1–4")
        XCTAssertEqual(days("30d"), "\"30d\" \(hint) 1–3")
        XCTAssertEqual(days("+9999y"), "\"+9999y\" \(hint) 1–6")
        XCTAssertEqual(days("this-decade"), "\"this-decade\" \(hint) 1–11")
    }

    func testOperatorsOnARunOfDays() {
        let run = day("2027-01-01")...day("2027-03-31")
        func limits(_ op: FilterOperator) -> String {
            let bounds = FilterBounds(op, run)
            let lower = bounds.lower.map { "\($0.inclusive ? "[" : "(")\($0.value)" } ?? "-"
            let upper = bounds.upper.map { "\($0.value)\($0.inclusive ? "]" : ")")" } ?? "-"
            return "\(lower) \(upper)"
        }
        XCTAssertEqual(limits(.matches), "[2027-01-01 2027-03-31]")
        XCTAssertEqual(limits(.less), "- 2027-01-01)")
        XCTAssertEqual(limits(.lessOrEqual), "- 2027-03-31]")
        XCTAssertEqual(limits(.greater), "(2027-03-31 -")
        XCTAssertEqual(limits(.greaterOrEqual), "[2027-01-01 -")
    }

    func testDayStartsInTheUsersZone() {
        let prague = TimeZone(identifier: "Europe/Prague")!
        XCTAssertEqual(day("2027-02-17").startMilliseconds(in: TimeZone(identifier: "UTC")!), 1_802_822_400_000)
        XCTAssertEqual(day("2027-02-17").startMilliseconds(in: prague), 1_802_818_800_000)
        // Summer time: Prague is two hours ahead.
        XCTAssertEqual(day("2027-07-01").startMilliseconds(in: prague), 1_814_392_800_000)
    }

    // MARK: - Numbers and amounts

    private func literal(_ text: String) -> FilterLiteral { FilterLiteral(text, range: FilterRange(0, text.count)) }

    private func number(_ text: String) -> String {
        do { return "\(try FilterNumbers.number(literal(text)))" } catch { return error.description }
    }

    private func amount(_ text: String) -> String {
        do {
            let (value, currency) = try FilterNumbers.amount(literal(text))
            return "\(value) \(currency?.code ?? "base")"
        } catch {
            return error.description
        }
    }

    func testNumbersAreExactDecimals() {
        XCTAssertEqual(number("10000"), "10000")
        XCTAssertEqual(number("10k"), "10000")
        XCTAssertEqual(number("2.5m"), "2500000")
        XCTAssertEqual(number("1.5B"), "1500000000")
        XCTAssertEqual(number("-3"), "-3")
        XCTAssertEqual(number("+7.25"), "7.25")
        XCTAssertEqual(try FilterNumbers.number(literal("0.1")) + FilterNumbers.number(literal("0.2")), Decimal(string: "0.3"))
        XCTAssertEqual(number("12345678901234567890.123456789"), "12345678901234567890.123456789")
    }

    func testNotANumber() {
        let hint = "is not a number; write 10000, 2.5 or 10k at"
        XCTAssertEqual(number("abc"), "\"abc\" \(hint) 1–3")
        XCTAssertEqual(number("1.2.3"), "\"1.2.3\" \(hint) 1–5")
        XCTAssertEqual(number("1e5"), "\"1e5\" \(hint) 1–3")
        XCTAssertEqual(number(".5"), "\".5\" \(hint) 1–2")
        XCTAssertEqual(number("k"), "\"k\" \(hint) 1")
        XCTAssertEqual(number("１２"), "\"１２\" \(hint) 1–2")
    }

    func testAmountsWithCurrencyBeforeOrAfter() {
        XCTAssertEqual(amount("10000"), "10000 base")
        XCTAssertEqual(amount("10kEUR"), "10000 EUR")
        XCTAssertEqual(amount("EUR10000"), "10000 EUR")
        XCTAssertEqual(amount("10000czk"), "10000 CZK")
        XCTAssertEqual(amount("usd2.5m"), "2500000 USD")
        XCTAssertEqual(amount("0.01JPY"), "0.01 JPY")
        let hint = "is not an amount; write 10000, 10k, 10kEUR or EUR10000 at"
        XCTAssertEqual(amount("10kE"), "\"10kE\" \(hint) 1–4")
        XCTAssertEqual(amount("EUR"), "\"EUR\" \(hint) 1–3")
        XCTAssertEqual(amount("EUR10kUSD"), "\"EUR10kUSD\" \(hint) 1–9")
    }

    // MARK: - Whole-number limits

    private func limits(_ op: FilterOperator, _ value: String, factor: String = "1") -> String {
        let decimal = Decimal(string: value)!
        guard let limits = FilterBounds(op, decimal...decimal).integerLimits(factor: Decimal(string: factor)!) else { return "none" }
        return "\(limits.lower.map(String.init) ?? "-") \(limits.upper.map(String.init) ?? "-")"
    }

    func testFractionsRoundInwards() {
        XCTAssertEqual(limits(.greaterOrEqual, "2.5"), "3 -")
        XCTAssertEqual(limits(.greater, "2"), "3 -")
        XCTAssertEqual(limits(.greater, "2.5"), "3 -")
        XCTAssertEqual(limits(.less, "2.5"), "- 2")
        XCTAssertEqual(limits(.less, "2"), "- 1")
        XCTAssertEqual(limits(.lessOrEqual, "2.5"), "- 2")
        XCTAssertEqual(limits(.lessOrEqual, "-2.5"), "- -3")
        XCTAssertEqual(limits(.greaterOrEqual, "-2.5"), "-2 -")
        XCTAssertEqual(limits(.equal, "2"), "2 2")
        XCTAssertEqual(limits(.equal, "2.5"), "none")
    }

    func testMinorUnitThresholdsAreExact() {
        // 1 EUR = 25.125 CZK, so one cent is 0.25125 CZK; 10,000 CZK is 39,800.995… cents.
        XCTAssertEqual(limits(.greaterOrEqual, "10000", factor: "0.25125"), "39801 -")
        XCTAssertEqual(limits(.lessOrEqual, "10000", factor: "0.25125"), "- 39800")
        // 1 EUR = 25 CZK: 10,000 CZK is exactly 40,000 cents.
        XCTAssertEqual(limits(.greaterOrEqual, "10000", factor: "0.25"), "40000 -")
        XCTAssertEqual(limits(.greater, "10000", factor: "0.25"), "40001 -")
        XCTAssertEqual(limits(.less, "10000", factor: "0.25"), "- 39999")
        XCTAssertEqual(limits(.equal, "10000", factor: "0.25"), "40000 40000")
        XCTAssertEqual(limits(.equal, "10000", factor: "0.3"), "none")
    }

    func testLimitsBeyond64BitsAreUnboundedOrImpossible() {
        XCTAssertEqual(limits(.greaterOrEqual, "1e30"), "none")
        XCTAssertEqual(limits(.lessOrEqual, "1e30"), "- -")
        XCTAssertEqual(limits(.greaterOrEqual, "-1e30"), "- -")
        XCTAssertEqual(limits(.less, "-1e30"), "none")
        XCTAssertEqual(limits(.lessOrEqual, "9223372036854775807"), "- 9223372036854775807")
    }

    func testExchangeRatesKnowOnlyPositiveRates() throws {
        let rates = ExchangeRateTable(base: try Currency(code: "CZK"), rates: ["EUR": 25, "USD": 0, "GBP": -1])
        XCTAssertEqual(rates.currencies.map(\.code), ["CZK", "EUR"])
        XCTAssertEqual(rates.rate(of: "CZK"), 1)
        XCTAssertNil(rates.rate(of: "USD"))
    }

    func testSuggestions() {
        let names = ["status", "owner", "amount", "close"]
        XCTAssertEqual(FilterSuggestion.closest(to: "stauts", in: names), "status")
        XCTAssertEqual(FilterSuggestion.closest(to: "Ownr", in: names), "owner")
        XCTAssertNil(FilterSuggestion.closest(to: "zzz", in: names))
    }
}
