import Foundation

/// The user-editable fields of a partner (PA-1): a company that resells or implements for us
/// and whose consultants work on our opportunities.
public struct PartnerDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for forms, checks, history and filters.
    public enum Field: String, DeclaredField {
        case name, email, phone, city, country, note

        public var spec: FieldSpec {
            switch self {
            case .name: FieldSpec("Name", .line, filter: FilterName("name"))
            case .email: FieldSpec("Email", .email, filter: FilterName("email", aliases: ["mail"]))
            case .phone: FieldSpec("Phone", .line, filter: FilterName("phone"))
            case .city: FieldSpec("City", .line, filter: FilterName("city"))
            case .country: FieldSpec("Country", .line, filter: FilterName("country"))
            case .note: FieldSpec("Note", .note, filter: FilterName("note"))
            }
        }
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
        return errors + textProblems()
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
}
