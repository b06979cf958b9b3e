import Foundation

/// The user-editable fields of a personal contact (PC-1).
public struct ContactDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for forms, checks, history and filters.
    public enum Field: String, DeclaredField {
        case typeID, accountID, firstName, lastName, jobTitle, email, phone, mobile, messenger, note

        public var spec: FieldSpec {
            switch self {
            case .typeID: FieldSpec("Type", .reference(.contactType), filter: FilterName("type"))
            case .accountID:
                FieldSpec("Employee of (account)", .reference(.account), history: "Employer",
                          filter: FilterName("account", aliases: ["company"]))
            case .firstName: FieldSpec("First name", .line)
            case .lastName: FieldSpec("Last name", .line)
            case .jobTitle: FieldSpec("Job title", .line, filter: FilterName("job", aliases: ["title"]))
            case .email: FieldSpec("Email", .email, filter: FilterName("email", aliases: ["mail"]))
            case .phone: FieldSpec("Phone", .line, filter: FilterName("phone"))
            case .mobile: FieldSpec("Mobile", .line)
            case .messenger: FieldSpec("Messenger", .line)
            case .note: FieldSpec("Note", .note)
            }
        }
    }

    /// What a contact's journal records besides its fields: the partner it consults for,
    /// which the partner's screen links and unlinks (PA-2).
    public enum Event: String, DeclaredField {
        case partnerID

        public var spec: FieldSpec {
            switch self {
            case .partnerID: FieldSpec("Partner", .reference(.partner))
            }
        }
    }

    public var typeID: Int64
    /// The account the person works for or consults, if any.
    public var accountID: Int64?
    public var firstName = ""
    public var lastName = ""
    public var jobTitle = ""
    public var email = ""
    public var phone = ""
    public var mobile = ""
    /// Free text such as "Signal: +420 601 234 567".
    public var messenger = ""
    public var note = ""

    public init(typeID: Int64, accountID: Int64? = nil) {
        self.typeID = typeID
        self.accountID = accountID
    }

    /// "First Last", or whichever part is filled in.
    public var displayName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Checks the draft; empty means it can be saved. A first or a last name is required.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if (firstName + lastName).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.lastName.rawValue, message: "A first or last name is required."))
        }
        return errors + textProblems()
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .typeID: String(typeID)
        case .accountID: accountID.journalText
        case .firstName: firstName
        case .lastName: lastName
        case .jobTitle: jobTitle
        case .email: email
        case .phone: phone
        case .mobile: mobile
        case .messenger: messenger
        case .note: note
        }
    }
}
