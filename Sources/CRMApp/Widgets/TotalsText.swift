import CRMCore

/// How a count of opportunities and their money read on one line: "42 · 1,234.00 EUR", with the
/// codes of currencies that have no rate appended ("+ USD") so a total is never silently short.
enum TotalsText {
    static func countAndTotal(_ totals: CurrencyTotals, rates: ExchangeRateTable?, compact: Bool = false) -> String {
        let count = "\(BoundedCount(value: totals.count, isExact: true))"
        guard let rates else { return count }
        return count + " · " + total(totals, rates: rates, compact: compact)
    }

    /// The total in the base currency ("EUR 40M" when `compact`), plus the codes without a rate.
    static func total(_ totals: CurrencyTotals, rates: ExchangeRateTable, compact: Bool = false) -> String {
        let missing = totals.unconverted(rates)
        let total = totals.total(in: rates)
        return (compact ? CompactMoney.text(total) : MoneyDisplay.text(total))
            + (missing.isEmpty ? "" : " + " + missing.map(\.code).joined(separator: ", "))
    }
}
