import CRMCore

extension FormField {
    /// The form field of a declared record field: its key and label come from the declaration,
    /// and so does its input unless `kind` is given. Pickers, selects and amounts must be given
    /// their kind, because their choices and currency field belong to the form.
    init<Field: DeclaredField>(_ field: Field, kind: FieldKind? = nil, required: Bool = false, text: String = "",
                               choice: Choice? = nil, chosen: [Choice] = [], checked: Bool = false) {
        let spec = field.spec
        self.init(key: field.rawValue, label: spec.label, kind: kind ?? Self.input(for: field), required: required,
                  text: text, choice: choice, chosen: chosen, checked: checked, maxLength: Self.maxLength(of: spec.kind))
    }

    private static func input<Field: DeclaredField>(for field: Field) -> FieldKind {
        switch field.spec.kind {
        case .line, .email, .list: .text
        case .note: .multiline
        case .whole: .number
        case .date: .date
        case .flag: .checkbox
        case .money, .reference, .choice:
            preconditionFailure("the form field \(field.rawValue) needs its kind: its choices belong to the form")
        case .moment:
            preconditionFailure("the form field \(field.rawValue) is a moment: the form asks for its day and time apart")
        }
    }

    private static func maxLength(of kind: FieldValueKind) -> Int {
        switch kind {
        case .email: FieldRules.emailLimit
        case .note: FieldRules.noteLimit
        default: FieldRules.lineLimit
        }
    }
}

extension Dictionary where Key == String, Value == FormField {
    /// The form's field for a declared record field.
    subscript<Field: DeclaredField>(_ field: Field) -> FormField? { self[field.rawValue] }
}
