import CRMCore
import Foundation

/// A form's fields read into numbers, amounts and days with the readers `FormField.localError`
/// checks them with (`NumberInput`, `MoneyInput`, `DateInput`), so every form turns `1,200`,
/// `52k` or `+30d` into the same value. A refusal is kept under its field's key and read as
/// `nil`: a form saves only when `errors` is empty. Record fields are named by their declaration;
/// a key names a field only the form has (a currency beside an amount, a split line).
struct TypedValues {
    private let values: [String: FormField]
    /// Refusals by field key, the message to show under each field.
    private(set) var errors: [String: String] = [:]

    init(_ values: [String: FormField]) {
        self.values = values
    }

    /// The refusals as field errors, for forms that report through `ValidationError`.
    var fieldErrors: [FieldError] {
        errors.sorted { $0.key < $1.key }.map { FieldError(field: $0.key, message: $0.value) }
    }

    /// The whole number in field `key`; `nil` when it is empty, missing or refused.
    mutating func whole(_ key: String) -> Int? {
        read(key) { text throws(InputProblem) in try NumberInput.whole(text) }
    }

    /// The day in field `key`, relative words counted from `today`; `nil` when it is empty,
    /// missing or refused.
    mutating func day(_ key: String, today: CalendarDate) -> CalendarDate? {
        read(key) { text throws(InputProblem) in try DateInput.day(text, today: today) }
    }

    /// The amount in field `key` in the currency with code `code` (chosen in another field);
    /// `nil` when it is empty, missing or refused.
    mutating func money(_ key: String, currency code: String) -> Money? {
        read(key) { text throws(InputProblem) in
            guard let currency = try? Currency(code: code) else { throw InputProblem("unknown currency \(code)") }
            return try MoneyInput.read(text, currency: currency)
        }
    }

    /// The whole number in a record field of the form.
    mutating func whole<Field: DeclaredField>(_ field: Field) -> Int? { whole(field.rawValue) }

    /// The day in a record field of the form.
    mutating func day<Field: DeclaredField>(_ field: Field, today: CalendarDate) -> CalendarDate? {
        day(field.rawValue, today: today)
    }

    /// The amount in a record field of the form.
    mutating func money<Field: DeclaredField>(_ field: Field, currency code: String) -> Money? {
        money(field.rawValue, currency: code)
    }

    private mutating func read<Value>(_ key: String, _ reader: (String) throws(InputProblem) -> Value) -> Value? {
        guard let text = values[key]?.value.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        do throws(InputProblem) {
            return try reader(text)
        } catch {
            errors[key] = error.message
            return nil
        }
    }
}
