/// The keys of a record's fields (a draft's `Field` enum), each declaring its `FieldSpec`.
///
/// The raw value is the key that `FieldError.field`, the form and the journal use.
public protocol DeclaredField: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    var spec: FieldSpec { get }
}

/// A draft whose fields are declared: the journal records every declared field, and the text
/// checks (length, NUL, e-mail shape) follow each field's kind, worded with its label.
public protocol DeclaredDraft: Journaled {
    associatedtype Field: DeclaredField
    /// The text of one field, as the journal records it and the merge screen shows it.
    func text(of field: Field) -> String
}

extension DeclaredDraft {
    public var journalValues: [(field: String, value: String)] {
        Field.allCases.map { ($0.rawValue, text(of: $0)) }
    }

    /// The problems of every line, e-mail and note field of the draft, in declaration order.
    public func textProblems() -> [FieldError] {
        Field.allCases.compactMap { field in
            let spec = field.spec
            let value = text(of: field)
            switch spec.kind {
            case .line: return FieldRules.check(value, field: field.rawValue, label: spec.label, limit: FieldRules.lineLimit)
            case .note: return FieldRules.check(value, field: field.rawValue, label: spec.label, limit: FieldRules.noteLimit)
            case .email: return FieldRules.checkEmail(value, field: field.rawValue)
            default: return nil
            }
        }
    }
}
