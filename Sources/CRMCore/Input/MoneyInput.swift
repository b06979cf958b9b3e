/// Reads what people type into a money field: amounts as the app shows them (`52,000.00`,
/// `52000`, `-1,500`), with a multiplier and a currency code as the filter language takes them
/// (`52k`, `1.5M`, `52,000 EUR`, `EUR 52k`).
///
/// A comma only groups thousands: `52,000` is fifty-two thousand, and text whose comma can only
/// be a decimal mark (`52,50`) is refused with the amount written with a point. Decimals beyond
/// the currency's (`52.505` EUR, `1.5` JPY) are refused, never rounded, and so is a code other
/// than the field's currency. Machine input (intake payloads, rule text) keeps `Money(parsing:)`.
public enum MoneyInput {
    static let unreadable = "not an amount: write 52,000.00, 52k or 1.5M"

    /// The amount `text` denotes in `currency`, or the message to show under the field.
    public static func read(_ text: String, currency: Currency) throws(InputProblem) -> Money {
        let (number, typed) = try amount(text)
        if let typed, typed != currency {
            throw InputProblem("this amount is in \(currency.code), not \(typed.code): choose \(typed.code) as its currency first")
        }
        guard number.decimals <= currency.minorUnits else {
            throw InputProblem(currency.decimalsRule + (number.thousandsReading.map { " For thousands write \($0)." } ?? ""))
        }
        let money = Money(number.value, currency)
        if let problem = money.storageProblem { throw InputProblem(problem) }
        return money
    }

    /// Checks how `text` is written, whatever the currency: what a field can tell on its own when
    /// the currency is chosen in another field.
    public static func check(_ text: String) throws(InputProblem) {
        _ = try amount(text)
    }

    private static func amount(_ text: String) throws(InputProblem) -> (TypedNumber, Currency?) {
        let (digits, code) = AmountText.split(text[...])
        let number: TypedNumber
        do throws(NumberProblem) {
            number = try NumberText.read(digits)
        } catch {
            throw InputProblem(error.message(unreadable: unreadable))
        }
        guard let code else { return (number, nil) }
        do throws(MoneyError) {
            return (number, try Currency(code: code))
        } catch {
            throw InputProblem(unreadable)
        }
    }
}
