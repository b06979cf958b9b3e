import Foundation

/// Sums of amounts in several currencies, and their total in the base currency (OP-3 board
/// columns, list groups, dashboards).
///
/// Each currency is summed exactly on its own; the base total converts each sum at the table's
/// rate and rounds once. Currencies without a rate stay in the breakdown and are listed in
/// `unconverted`, so a total is never silently short.
public struct CurrencyTotals: Sendable, Hashable {
    /// The number of records counted, with or without an amount.
    public var count: Int
    /// The exact sum per currency, largest first when listed by `breakdown`.
    public var sums: [Currency: Decimal]

    public init(count: Int = 0, sums: [Currency: Decimal] = [:]) {
        self.count = count
        self.sums = sums
    }

    /// Adds `count` records whose amounts in `currency` sum to `minorUnits` minor units.
    public mutating func add(count: Int, minorUnits: Int64, currency: Currency) {
        self.count += count
        sums[currency, default: 0] += Money(minorUnits: minorUnits, currency).amount
    }

    /// Adds another set of totals.
    public mutating func add(_ other: CurrencyTotals) {
        count += other.count
        for (currency, sum) in other.sums { sums[currency, default: 0] += sum }
    }

    /// The per-currency sums, largest count of money first (by converted value when a rate is
    /// known), then by code.
    public func breakdown(_ table: ExchangeRateTable) -> [Money] {
        sums.map { Money($0.value, $0.key) }.sorted { left, right in
            let l = table.convert(left)?.amount ?? -1
            let r = table.convert(right)?.amount ?? -1
            return l != r ? l > r : left.currency.code < right.currency.code
        }
    }

    /// The sum in the base currency, rounded plainly to its minor units, of every currency that
    /// has a rate.
    public func total(in table: ExchangeRateTable) -> Money {
        var total = Money(0, table.base)
        for (currency, sum) in sums {
            if let converted = table.convert(Money(sum, currency)) { total = total + converted }
        }
        return total.rounded()
    }

    /// The currencies summed here that have no rate in `table`.
    public func unconverted(_ table: ExchangeRateTable) -> [Currency] {
        sums.keys.filter { table.rate(of: $0) == nil }.sorted { $0.code < $1.code }
    }
}
