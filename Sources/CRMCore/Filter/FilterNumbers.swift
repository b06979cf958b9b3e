import Foundation

/// Reads number and amount values of a filter exactly, as `Decimal`.
///
/// A number is an optional sign, digits, an optional `.` fraction and an optional multiplier:
/// `k` (thousand), `m` (million) or `b` (billion), e.g. `10000`, `-3`, `2.5m`. A comma is not a
/// decimal separator here: it separates the values of a list. Numbers are read by `NumberText`
/// and amounts split by `AmountText`, which money and number fields of forms share.
public enum FilterNumbers {
    public static func number(_ literal: FilterLiteral) throws(FilterError) -> Decimal {
        guard let number = try? NumberText.read(literal.text[...]) else { throw .notANumber(literal) }
        return number.value
    }

    /// An amount: a number with an optional ISO currency code before or after it
    /// (`10kEUR`, `EUR10000`, `10000czk`); `nil` as the currency means the base currency.
    public static func amount(_ literal: FilterLiteral) throws(FilterError) -> (value: Decimal, currency: Currency?) {
        let (digits, code) = AmountText.split(literal.text[...])
        guard let number = try? NumberText.read(digits) else { throw .notAnAmount(literal) }
        guard let code else { return (number.value, nil) }
        guard let currency = try? Currency(code: code) else { throw .notAnAmount(literal) }
        return (number.value, currency)
    }
}
