import CRMCore
import Foundation

/// Amounts shortened to fit a board column or a list group label: "EUR 1.2M", "USD 300k",
/// "CZK 950". Display only; every sum stays exact until this last step, which rounds plainly.
enum CompactMoney {
    static func text(_ money: Money) -> String {
        "\(money.currency.code) \(number(money.amount))"
    }

    /// 950 → "950", 1_234 → "1.2k", 300_000 → "300k", 4_500_000 → "4.5M", 2e9 → "2B".
    static func number(_ value: Decimal) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        for (unit, suffix) in [(Decimal(1_000_000_000), "B"), (1_000_000, "M"), (1_000, "k")] where magnitude >= unit {
            let scaled = magnitude / unit
            return sign + rounded(scaled, digits: scaled < 10 ? 1 : 0) + suffix
        }
        return sign + rounded(magnitude, digits: 0)
    }

    private static func rounded(_ value: Decimal, digits: Int) -> String {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, digits, .plain)
        var text = result.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
