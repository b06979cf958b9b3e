import CRMCore
import Foundation

/// A journal entry worded for people: local time, who, what happened, old and new values.
struct JournalLine {
    let when: String
    let who: String
    let what: String
    let old: String
    let new: String

    init(_ entry: JournalEntry) {
        when = DateText.format(entry.at)
        who = entry.userLogin ?? "system"
        let field = entry.field.map(FieldLabels.label(for:)) ?? ""
        switch entry.action {
        case .create: what = field.isEmpty ? "created" : field
        case .update: what = field
        case .delete: what = "deleted"
        case .anonymize: what = "anonymized"
        }
        old = entry.oldValue ?? ""
        new = entry.newValue ?? ""
    }
}

/// Human labels for the field keys that the store writes into the journal.
enum FieldLabels {
    static let labels: [String: String] = [
        "typeID": "Type", "firstName": "First name", "lastName": "Last name", "name": "Name",
        "email": "Email", "phone": "Phone", "mobile": "Mobile", "messenger": "Messenger",
        "street": "Street", "city": "City", "postcode": "Postcode", "country": "Country",
        "registrationNumber": "Registration no.", "vatNumber": "VAT no.", "industry": "Industry",
        "note": "Note", "isGlobal": "Global", "isPrivate": "Private", "isKeyAccount": "Key account",
        "accountManagerID": "Account manager", "accountID": "Employer", "jobTitle": "Job title",
        "position": "Order", "employees": "Employees", "annualRevenue": "Annual revenue",
        "customerSince": "Customer since", "usesPersonName": "Uses person name", "usesOrganisationName": "Uses organisation name",
    ]

    static func label(for key: String) -> String { labels[key] ?? key }
}
