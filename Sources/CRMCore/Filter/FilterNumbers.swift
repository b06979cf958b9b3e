import Foundation

/// Reads number and amount values of a filter exactly, as `Decimal`.
///
/// A number is an optional sign, digits, an optional `.` fraction and an optional multiplier:
/// `k` (thousand), `m` (million) or `b` (billion), e.g. `10000`, `-3`, `2.5m`. A comma is not a
/// decimal separator here: it separates the values of a list.
public enum FilterNumbers {
    public static func number(_ literal: FilterLiteral) throws(FilterError) -> Decimal {
        guard let value = parse(literal.text[...]) else { throw .notANumber(literal) }
        return value
    }

    /// An amount: a number with an optional ISO currency code before or after it
    /// (`10kEUR`, `EUR10000`, `10000czk`); `nil` as the currency means the base currency.
    public static func amount(_ literal: FilterLiteral) throws(FilterError) -> (value: Decimal, currency: Currency?) {
        let text = literal.text
        let letters = text.prefix { $0.isASCII && $0.isLetter }
        if letters.count == 3, let value = parse(text.dropFirst(3)), let currency = try? Currency(code: letters.uppercased()) {
            return (value, currency)
        }
        if let value = parse(text[...]) { return (value, nil) }
        let code = text.suffix(3)
        if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }), let value = parse(text.dropLast(3)),
           let currency = try? Currency(code: code.uppercased()) {
            return (value, currency)
        }
        throw .notAnAmount(literal)
    }

    private static let multipliers: [Character: Decimal] = [
        "k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000, "b": 1_000_000_000, "B": 1_000_000_000,
    ]

    private static func parse(_ text: Substring) -> Decimal? {
        var body = text
        var multiplier: Decimal = 1
        if let last = body.last, let factor = multipliers[last] {
            multiplier = factor
            body = body.dropLast()
        }
        let negative = body.first == "-"
        let digits = negative || body.first == "+" ? body.dropFirst() : body
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              digits.count <= 30,
              var value = Decimal(string: String(digits), locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if negative { value.negate() }
        return value * multiplier
    }
}
