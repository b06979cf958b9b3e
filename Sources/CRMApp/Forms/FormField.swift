import CRMCore
import Foundation
import TerminalUI

/// A choice of a select field or a record picker: a stable id and what the user sees.
public struct Choice: Sendable, Equatable {
    public let id: String
    public let title: String
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// The kinds of form field (SH-9). Each kind knows how it is edited and validated.
public enum FieldKind {
    case text
    case multiline
    case number
    /// An amount whose currency is chosen in the form's field `currencyField` (shown beside it).
    case money(currencyField: String)
    case date
    /// A wall-clock time, "HH:MM".
    case time
    case select([Choice])
    /// Any number of the choices, toggled with Space in a checklist popup.
    case multiSelect([Choice])
    /// Searches records by the typed text (e.g. accounts by name).
    case recordPicker(search: (String) -> [Choice])
    case checkbox
}

/// One field of a form: its definition, what the user typed, and what went wrong with it.
public struct FormField {
    public let key: String
    public let label: String
    public let kind: FieldKind
    public let required: Bool
    public var input: TextInput
    /// The chosen id of a select or record picker.
    public var choice: Choice?
    /// The chosen choices of a multi-select, in the order of its choices.
    public var chosen: [Choice] = []
    public var isChecked = false
    /// Shown under the field in the error style ("required", "not a date").
    public var error: String?
    /// Set while the user and someone else both changed this field (ST-7): their version,
    /// shown beside the user's own input until the user keeps one of the two.
    public var conflict: FieldConflict?
    /// Shown dimmed while the field is empty, saying what an empty value means.
    public var placeholder: String?
    /// The value the form was opened with, to tell what the user changed.
    public private(set) var original: String

    public init(key: String, label: String, kind: FieldKind, required: Bool = false,
                text: String = "", choice: Choice? = nil, chosen: [Choice] = [], checked: Bool = false,
                maxLength: Int = 200) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        input = TextInput(text, maxLength: maxLength)
        if case .multiline = kind { input.allowsNewlines = true }
        self.choice = choice
        self.chosen = chosen
        isChecked = checked
        original = ""
        original = value
    }

    /// The field's value as text: what is saved for text kinds, the choice id for pickers.
    public var value: String {
        switch kind {
        case .checkbox: return isChecked ? "true" : "false"
        case .select, .recordPicker: return choice?.id ?? ""
        case .multiSelect: return chosen.map(\.id).joined(separator: ",")
        default: return input.text
        }
    }

    /// What the user sees as the value (the choice's title for pickers).
    public var displayValue: String {
        switch kind {
        case .checkbox: return isChecked ? "[x]" : "[ ]"
        case .select, .recordPicker: return choice?.title ?? ""
        case .multiSelect: return chosen.map(\.title).joined(separator: ", ")
        default: return input.text
        }
    }

    public var isChanged: Bool { value != original }

    /// After a conflict, the other user's value becomes the one this form started from, so a
    /// further conflict is measured from there.
    mutating func rebase(on fresh: FormField) {
        original = fresh.value
    }

    /// Takes the value of `other` (the same field as someone else saved it).
    mutating func adopt(_ other: FormField) {
        input.set(other.input.text)
        choice = other.choice
        chosen = other.chosen
        isChecked = other.isChecked
    }

    /// Whether typing goes into this field's text.
    public var takesText: Bool {
        switch kind {
        case .text, .multiline, .number, .money, .date, .time: return true
        default: return false
        }
    }

    public var rowCount: Int {
        if case .multiline = kind { return 4 }
        return 1
    }

    /// Checks what can be checked without the domain: required, and numbers, money and dates
    /// with the readers the forms convert them with (so `1,200`, `52k` and `+30d` pass, and
    /// `52,5` is refused with what to type). Money is checked for its writing only: its currency
    /// may be chosen in another field, which the form's conversion reads it in.
    public func localError(today: CalendarDate) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if required, trimmed.isEmpty, !isCheckbox { return "required" }
        guard !trimmed.isEmpty else { return nil }
        do throws(InputProblem) {
            switch kind {
            case .number: _ = try NumberInput.whole(trimmed)
            case .money: try MoneyInput.check(trimmed)
            case .date: _ = try DateInput.day(trimmed, today: today)
            case .time: return TimeOfDay(parsing: trimmed) == nil ? "not a time (HH:MM, 24-hour)" : nil
            default: return nil
            }
            return nil
        } catch {
            return error.message
        }
    }

    private var isCheckbox: Bool {
        if case .checkbox = kind { return true }
        return false
    }
}
