import Foundation

/// The user-editable fields of a partner (PA-1): a company that resells or implements for us
/// and whose consultants work on our opportunities.
public struct PartnerDraft: Sendable, Hashable, Journaled {
    /// The keys of the fields, as used by `FieldError.field` and the journal.
    public enum Field: String, Sendable, CaseIterable {
        case name, email, phone, city, country, note
    }

    public var name: String
    public var email = ""
    public var phone = ""
    public var city = ""
    public var country = ""
    public var note = ""

    public init(name: String) {
        self.name = name
    }

    /// Checks the draft; empty means it can be saved. The name is required.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "A partner needs a name."))
        }
        let lines: [(Field, String, String)] = [
            (.name, name, "Name"), (.phone, phone, "Phone"), (.city, city, "City"), (.country, country, "Country"),
        ]
        for (field, value, label) in lines {
            if let error = FieldRules.check(value, field: field.rawValue, label: label, limit: FieldRules.lineLimit) {
                errors.append(error)
            }
        }
        if let error = FieldRules.check(note, field: Field.note.rawValue, label: "Note", limit: FieldRules.noteLimit) {
            errors.append(error)
        }
        if let error = FieldRules.checkEmail(email, field: Field.email.rawValue) {
            errors.append(error)
        }
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .email: email
        case .phone: phone
        case .city: city
        case .country: country
        case .note: note
        }
    }

    public var journalValues: [(field: String, value: String)] {
        Field.allCases.map { ($0.rawValue, text(of: $0)) }
    }
}
