import Foundation

/// The value of one unit of a currency in the base currency from a day on (ST-5), e.g.
/// 1 CZK = 0.0398 EUR from 2026-11-01.
///
/// Rates are exact decimals entered by people; the rate in effect on a day is the one with the
/// latest `validFrom` not after it.
public struct ExchangeRate: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var currency: Currency
    /// Base-currency units per one unit of `currency`; always positive.
    public var rate: Decimal
    public var validFrom: CalendarDate
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(id: Int64, currency: Currency, rate: Decimal, validFrom: CalendarDate, version: Int) {
        self.id = id
        self.currency = currency
        self.rate = rate
        self.validFrom = validFrom
        self.version = version
    }
}


/// The rates in effect on one day, with the base currency they convert to.
///
/// Conversion multiplies exactly and rounds once, to the base currency's minor units, at the
/// end of a sum; a currency without a rate is reported, never guessed.
public struct ExchangeRateTable: Sendable, Hashable {
    public let base: Currency
    /// Base units per one unit of each currency that has a rate; the base itself is implied.
    public let rates: [String: Decimal]

    /// Keeps the positive rates of `rates` (others are ignored) and adds the base at 1.
    public init(base: Currency, rates: [String: Decimal] = [:]) {
        self.base = base
        var kept = rates.filter { $0.value > 0 }
        kept[base.code] = 1
        self.rates = kept
    }

    /// The rate of `currency` into the base, or `nil` when none is stored.
    public func rate(of currency: Currency) -> Decimal? {
        rate(of: currency.code)
    }

    /// The rate of the currency with ISO code `code`, or `nil` when none is stored.
    public func rate(of code: String) -> Decimal? {
        rates[code]
    }

    /// Every currency with a rate, the base included, sorted by code.
    public var currencies: [Currency] {
        rates.keys.sorted().compactMap { try? Currency(code: $0) }
    }

    /// `money` in the base currency, unrounded; `nil` without a rate.
    public func convert(_ money: Money) -> Money? {
        rate(of: money.currency).map { Money(money.amount * $0, base) }
    }
}
