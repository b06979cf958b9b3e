import CRMCore
import Foundation
import XCTest

/// What people type into money, number and date fields: read as the app displays values and as
/// the filter language writes them, or refused with what to type instead.
final class TypedInputTests: XCTestCase {
    private let eur = try! Currency(code: "EUR")
    private let yen = try! Currency(code: "JPY")
    private let dinar = try! Currency(code: "KWD")
    private let today = CalendarDate(year: 2026, month: 11, day: 17)!

    /// The amount read as display text ("52,000.00 EUR"), or the refusal's message.
    private func money(_ text: String, _ currency: Currency? = nil) -> String {
        do {
            return MoneyDisplay.text(try MoneyInput.read(text, currency: currency ?? eur))
        } catch {
            return error.message
        }
    }

    private func whole(_ text: String) -> String {
        do { return String(try NumberInput.whole(text)) } catch { return error.message }
    }

    private func day(_ text: String) -> String {
        do { return try DateInput.day(text, today: today).description } catch { return error.message }
    }

    // MARK: - Money

    func testAmountsAsTheAppDisplaysThem() {
        XCTAssertEqual(money("52,000.00"), "52,000.00 EUR")
        XCTAssertEqual(money("52,000"), "52,000.00 EUR", "a comma before three digits groups thousands, as the display writes it")
        XCTAssertEqual(money("52000"), "52,000.00 EUR")
        XCTAssertEqual(money("1,234,567.89"), "1,234,567.89 EUR")
        XCTAssertEqual(money("0.5"), "0.50 EUR")
        XCTAssertEqual(money("-1,500.50"), "-1,500.50 EUR")
        XCTAssertEqual(money("+7"), "7.00 EUR")
        XCTAssertEqual(money("  52,000.00  "), "52,000.00 EUR")
    }

    func testSpacesGroupDigitsToo() {
        XCTAssertEqual(money("52 000"), "52,000.00 EUR")
        XCTAssertEqual(money("1\u{A0}234\u{A0}567.89"), "1,234,567.89 EUR")
        XCTAssertEqual(money("5 20 00"), "group digits by three: 52,000")
    }

    func testMultipliersAndCurrencyCodesAsTheFilterLanguageWritesThem() {
        XCTAssertEqual(money("52k"), "52,000.00 EUR")
        XCTAssertEqual(money("1.5M"), "1,500,000.00 EUR")
        XCTAssertEqual(money("2.5m"), "2,500,000.00 EUR")
        XCTAssertEqual(money("1.25K"), "1,250.00 EUR")
        XCTAssertEqual(money("2b"), "2,000,000,000.00 EUR")
        XCTAssertEqual(money("1.5 M"), "1,500,000.00 EUR")
        XCTAssertEqual(money("52,000 EUR"), "52,000.00 EUR")
        XCTAssertEqual(money("EUR 52,000"), "52,000.00 EUR")
        XCTAssertEqual(money("52kEUR"), "52,000.00 EUR")
        XCTAssertEqual(money("eur52k"), "52,000.00 EUR")
        XCTAssertEqual(money("52,000.00 EUR"), "52,000.00 EUR", "the display's own text, code and all")
    }

    func testAnotherCurrencyIsRefusedNamingBoth() {
        XCTAssertEqual(money("52,000 USD"), "this amount is in EUR, not USD: choose USD as its currency first")
        XCTAssertEqual(money("usd 52k"), "this amount is in EUR, not USD: choose USD as its currency first")
        XCTAssertEqual(money("1,500 JPY", yen), "1,500 JPY")
    }

    func testACommaThatCanOnlyBeADecimalMarkIsRefusedWithThePointReading() {
        XCTAssertEqual(money("52,5"), "use a point for decimals: 52.5")
        XCTAssertEqual(money("52,50"), "use a point for decimals: 52.50")
        XCTAssertEqual(money("-52,5"), "use a point for decimals: -52.5")
        XCTAssertEqual(money("1,5M"), "use a point for decimals: 1.5M")
        XCTAssertEqual(money("1.234,56"), "use a point for decimals: 1,234.56")
        XCTAssertEqual(money("1 234,50"), "use a point for decimals: 1,234.50")
        XCTAssertEqual(money("1.234.567,8"), "use a point for decimals: 1,234,567.8")
        XCTAssertEqual(money("0,0398"), "use a point for decimals: 0.0398")
    }

    func testGroupsOutOfPlaceAreRefusedWithBothReadings() {
        XCTAssertEqual(money("5,20,00"), "group digits by three: 52,000 (or 520.00 for decimals)")
        XCTAssertEqual(money("1,2345"), "group digits by three: 12,345 (or 1.2345 for decimals)")
        XCTAssertEqual(money("1234,567"), "group digits by three: 1,234,567 (or 1,234.567 for decimals)")
        XCTAssertEqual(money("12,34.5"), "group digits by three: 1,234.5")
        XCTAssertEqual(money("1.234.567"), "use commas to group digits: 1,234,567")
    }

    func testDecimalsBeyondTheCurrencyAreRefusedNeverRounded() {
        XCTAssertEqual(money("52.5055"), "EUR amounts have at most 2 decimals.")
        XCTAssertEqual(money("52.505"), "EUR amounts have at most 2 decimals. For thousands write 52,505.")
        XCTAssertEqual(money("0.505"), "EUR amounts have at most 2 decimals.")
        XCTAssertEqual(money("52.000"), "EUR amounts have at most 2 decimals. For thousands write 52,000.")
        XCTAssertEqual(money("1.5", yen), "JPY amounts have no decimals.")
        XCTAssertEqual(money("1.00", yen), "JPY amounts have no decimals.")
        XCTAssertEqual(money("1.5k", yen), "1,500 JPY", "a multiplier can make decimals whole")
        XCTAssertEqual(money("1.2345k"), "1,234.50 EUR")
        XCTAssertEqual(money("1.23456k"), "1,234.56 EUR")
        XCTAssertEqual(money("1.234567k"), "EUR amounts have at most 2 decimals.")
        XCTAssertEqual(money("52.000", dinar), "52.000 KWD")
        XCTAssertEqual(money("1.2345", dinar), "KWD amounts have at most 3 decimals.")
    }

    func testAmountsTooLargeToStoreAreRefused() {
        XCTAssertEqual(money("9,999,999,999,999.99"), "9,999,999,999,999.99 EUR")
        XCTAssertEqual(money("10,000,000,000,000"), "EUR amounts must stay below 10^13.")
        XCTAssertEqual(money("10000b"), "EUR amounts must stay below 10^13.")
        XCTAssertEqual(money(String(repeating: "9", count: 31)), "too many digits: at most 30")
    }

    func testTextThatIsNoAmountSaysHowToWriteOne() {
        let hint = "not an amount: write 52,000.00, 52k or 1.5M"
        for text in ["twelve", "abc", "", "-", "k", ",5", ".5", "5.", "52,", "1e5", "0x10", "1..2", "1.2.3", "52 EURO",
                     "EUR", "52kk", "١٢", "１２", "- 5", "52,000,", "\u{2212}2"] {
            XCTAssertEqual(money(text), hint, text)
        }
    }

    func testCheckReadsTheWritingWhateverTheCurrency() {
        XCTAssertNoThrow(try MoneyInput.check("52,000 USD"))
        XCTAssertNoThrow(try MoneyInput.check("52.505"))
        XCTAssertThrowsError(try MoneyInput.check("52,5")) { error in
            XCTAssertEqual((error as? InputProblem)?.message, "use a point for decimals: 52.5")
        }
    }

    // MARK: - Numbers

    func testWholeNumbersTakeGroupsAndMultipliers() {
        XCTAssertEqual(whole("1200"), "1200")
        XCTAssertEqual(whole("1,200"), "1200")
        XCTAssertEqual(whole("1.2k"), "1200")
        XCTAssertEqual(whole("1.25K"), "1250")
        XCTAssertEqual(whole("-3"), "-3")
        XCTAssertEqual(whole("0"), "0")
        XCTAssertEqual(whole("2m"), "2000000")
    }

    func testWholeNumbersRefuseFractionsAndCommaDecimals() {
        XCTAssertEqual(whole("1.5"), "not a whole number")
        XCTAssertEqual(whole("1.0"), "not a whole number")
        XCTAssertEqual(whole("1.200"), "not a whole number; for thousands write 1,200")
        XCTAssertEqual(whole("1.2345k"), "not a whole number")
        XCTAssertEqual(whole("1,2"), "use a point for decimals: 1.2")
        XCTAssertEqual(whole("1,20,0"), "group digits by three: 1,200 (or 120.0 for decimals)")
        XCTAssertEqual(whole("abc"), "not a whole number: write 1200, 1,200 or 1.2k")
        XCTAssertEqual(whole("99,999,999,999,999,999,999"), "too large a number")
    }

    func testDecimalNumbersKeepEveryDigit() throws {
        let rateHint = "not a rate"
        XCTAssertEqual(try NumberInput.decimal("0.0398", unreadable: rateHint), Decimal(string: "0.0398"))
        XCTAssertEqual(try NumberInput.decimal("25.125", unreadable: rateHint), Decimal(string: "25.125"))
        XCTAssertEqual(try NumberInput.decimal("1,250.5", unreadable: rateHint), Decimal(string: "1250.5"))
        XCTAssertThrowsError(try NumberInput.decimal("0,0398", unreadable: rateHint)) { error in
            XCTAssertEqual((error as? InputProblem)?.message, "use a point for decimals: 0.0398")
        }
        XCTAssertThrowsError(try NumberInput.decimal("abc", unreadable: rateHint)) { error in
            XCTAssertEqual((error as? InputProblem)?.message, rateHint)
        }
    }

    // MARK: - Dates

    func testDatesTakeIsoDaysAndTheFilterLanguagesRelativeDays() {
        XCTAssertEqual(day("2027-01-31"), "2027-01-31")
        XCTAssertEqual(day(" 2027-01-31 "), "2027-01-31")
        XCTAssertEqual(day("today"), "2026-11-17")
        XCTAssertEqual(day("Tomorrow"), "2026-11-18")
        XCTAssertEqual(day("yesterday"), "2026-11-16")
        XCTAssertEqual(day("+30d"), "2026-12-17")
        XCTAssertEqual(day("-1w"), "2026-11-10")
        XCTAssertEqual(day("+2m"), "2027-01-17")
        XCTAssertEqual(day("+1Y"), "2027-11-17")
        XCTAssertEqual(try DateInput.day("+1m", today: CalendarDate(year: 2027, month: 1, day: 31)!).description, "2027-02-28")
    }

    func testDatesThatAreNoSingleDayAreRefused() {
        let hint = "not a date: write YYYY-MM-DD, today, tomorrow or +30d"
        for text in ["soon", "2027-02-30", "2027-01", "this-week", "30d", "+30", "+10000d", "+9000y", "17.11.2026", ""] {
            XCTAssertEqual(day(text), hint, text)
        }
    }

    // MARK: - Display

    func testMoneyDisplayGroupsThousandsAndKeepsTheCurrencysDecimals() {
        XCTAssertEqual(MoneyDisplay.text(Money(minorUnits: -150_050, eur)), "-1,500.50 EUR")
        XCTAssertEqual(MoneyDisplay.text(Money(minorUnits: 1_500, yen)), "1,500 JPY")
        XCTAssertEqual(MoneyDisplay.text(Money(minorUnits: 1_234_567, dinar)), "1,234.567 KWD")
        XCTAssertEqual(MoneyDisplay.amount(Money(minorUnits: 5_200_000, eur)), "52,000.00")
        XCTAssertEqual(MoneyDisplay.amount(Money(minorUnits: 5, eur)), "0.05")
        XCTAssertEqual(DigitGroups.grouped("1234567"), "1,234,567")
        XCTAssertEqual(DigitGroups.grouped("123"), "123")
    }
}
