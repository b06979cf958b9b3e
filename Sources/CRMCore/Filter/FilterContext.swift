import Foundation

/// What a filter's relative values mean at the moment it is applied: which day "today" is,
/// the user's time zone (for fields stored as instants), who "me" is, and how currencies
/// compare. Passed in explicitly, so the same filter text gives the same rows in tests and
/// saved filters follow the calendar.
public struct FilterContext: Sendable {
    public var today: CalendarDate
    /// The zone whose midnights bound the days of timestamp fields.
    public var timeZone: TimeZone
    /// The user id that `me` stands for.
    public var me: Int64
    public var rates: ExchangeRates

    public init(today: CalendarDate, timeZone: TimeZone, me: Int64, rates: ExchangeRates) {
        self.today = today
        self.timeZone = timeZone
        self.me = me
        self.rates = rates
    }
}

/// Exchange rates into one base currency, for comparing amounts across currencies.
public struct ExchangeRates: Sendable, Hashable {
    /// The currency amounts are compared in, e.g. `"CZK"`.
    public var base: Currency
    /// Base-currency units per one unit of each currency (`"EUR": 25` when 1 EUR = 25 CZK).
    /// Rates that are not positive are ignored.
    public var rates: [String: Decimal]

    public init(base: Currency, rates: [String: Decimal] = [:]) {
        self.base = base
        self.rates = rates
    }

    /// Base units per unit of `code`: 1 for the base itself, `nil` when no rate is known.
    public func rate(of code: String) -> Decimal? {
        if code == base.code { return 1 }
        guard let rate = rates[code], rate > 0 else { return nil }
        return rate
    }

    /// Every currency with a rate, the base included, sorted by code.
    public var currencies: [Currency] {
        let codes = Set(rates.keys.filter { rate(of: $0) != nil }).union([base.code])
        return codes.sorted().compactMap { try? Currency(code: $0) }
    }
}
