/// A draft whose fields the journal (ST-6) records as text, one row per changed field.
///
/// The store compares the values of the old and the new draft; the keys are the field keys that
/// `FieldError.field` uses too, so history and validation speak of fields by the same names.
public protocol Journaled: Sendable {
    /// Every field of the draft as `(key, text)`, in form order.
    var journalValues: [(field: String, value: String)] { get }
}

extension Journaled {
    /// The fields whose text differs from `old`, with both values, in form order.
    public func changes(from old: Self) -> [(field: String, old: String, new: String)] {
        let before = Dictionary(old.journalValues, uniquingKeysWith: { first, _ in first })
        return journalValues.compactMap { field, value in
            let previous = before[field] ?? ""
            return previous == value ? nil : (field, previous, value)
        }
    }
}

extension Int64? {
    /// The journal's text for an optional reference: the id, or empty when there is none.
    public var journalText: String { map(String.init) ?? "" }
}
