import Foundation

/// Reads what people type into number fields, with the grouping and multipliers money fields
/// take (`1200`, `1,200`, `1.2k`; see `NumberText`): whole numbers for counts and percentages,
/// decimals for rates.
public enum NumberInput {
    /// A whole number, or the message to show under the field; decimals are refused even when
    /// zero (`1.200` may mean 1,200), while a multiplier may make a fraction whole (`1.25k`).
    public static func whole(_ text: String) throws(InputProblem) -> Int {
        let number = try read(text, unreadable: "not a whole number: write 1200, 1,200 or 1.2k")
        guard number.decimals == 0 else {
            throw InputProblem("not a whole number" + (number.thousandsReading.map { "; for thousands write \($0)" } ?? ""))
        }
        guard let whole = Int(number.value.description) else { throw InputProblem("too large a number") }
        return whole
    }

    /// A decimal number with any decimals, exactly; `unreadable` is the message for text that is
    /// no number at all.
    public static func decimal(_ text: String, unreadable: String) throws(InputProblem) -> Decimal {
        try read(text, unreadable: unreadable).value
    }

    private static func read(_ text: String, unreadable: String) throws(InputProblem) -> TypedNumber {
        do throws(NumberProblem) {
            return try NumberText.read(text[...])
        } catch {
            throw InputProblem(error.message(unreadable: unreadable))
        }
    }
}
