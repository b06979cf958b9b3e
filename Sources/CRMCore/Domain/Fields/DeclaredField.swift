/// The keys of a record's fields (a draft's `Field` enum), each declaring its `FieldSpec`.
///
/// The raw value is the key that `FieldError.field`, the form and the journal use.
public protocol DeclaredField: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    var spec: FieldSpec { get }
    /// Every field with its declaration, in declaration order. Made on each call unless the
    /// fields keep it in a `static let`, as those of drafts checked in bulk do.
    static var declarations: [(field: Self, spec: FieldSpec)] { get }
}

extension DeclaredField {
    public static var declarations: [(field: Self, spec: FieldSpec)] { allCases.map { ($0, $0.spec) } }
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
    /// Other fields' text is not even made: intake checks thousands of drafts a second.
    public func textProblems() -> [FieldError] {
        Field.declarations.compactMap { field, spec in
            switch spec.kind {
            case .line: return FieldRules.check(text(of: field), field: field.rawValue, label: spec.label, limit: FieldRules.lineLimit)
            case .note: return FieldRules.check(text(of: field), field: field.rawValue, label: spec.label, limit: FieldRules.noteLimit)
            case .email: return FieldRules.checkEmail(text(of: field), field: field.rawValue)
            default: return nil
            }
        }
    }
}
