import Foundation

/// The user-editable fields of a personal contact (PC-1).
public struct ContactDraft: Sendable, Hashable, Journaled {
    /// The keys of the fields, as used by `FieldError.field` and the journal.
    public enum Field: String, Sendable, CaseIterable {
        case typeID, accountID, firstName, lastName, jobTitle, email, phone, mobile, messenger, note
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
        let lines: [(Field, String, String)] = [
            (.firstName, firstName, "First name"), (.lastName, lastName, "Last name"),
            (.jobTitle, jobTitle, "Job title"), (.phone, phone, "Phone"), (.mobile, mobile, "Mobile"),
            (.messenger, messenger, "Messenger"),
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

    public var journalValues: [(field: String, value: String)] {
        Field.allCases.map { ($0.rawValue, text(of: $0)) }
    }
}
