import CRMCore

/// How a count of opportunities and their money read on one line: "42 · 1,234.00 EUR", with the
/// codes of currencies that have no rate appended ("+ USD") so a total is never silently short.
enum TotalsText {
    static func countAndTotal(_ totals: CurrencyTotals, rates: ExchangeRateTable?) -> String {
        let count = "\(BoundedCount(value: totals.count, isExact: true))"
        guard let rates else { return count }
        return count + " · " + total(totals, rates: rates)
    }

    /// The total in the base currency, plus the codes without a rate.
    static func total(_ totals: CurrencyTotals, rates: ExchangeRateTable) -> String {
        let missing = totals.unconverted(rates)
        return MoneyDisplay.text(totals.total(in: rates))
            + (missing.isEmpty ? "" : " + " + missing.map(\.code).joined(separator: ", "))
    }
}
