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
        let field = entry.field.map { FieldLabels.label(for: $0, entity: entry.entity) } ?? ""
        let origin = entry.mergedFromID.map { " (#\($0), merged)" } ?? ""
        switch entry.action {
        case .create: what = (field.isEmpty ? "created" : field) + origin
        case .update: what = field + origin
        case .delete: what = "deleted" + origin
        case .anonymize: what = "anonymized" + origin
        }
        let readable = { (value: String?) in JournalValues.readable(value ?? "", field: entry.field, entity: entry.entity) }
        old = readable(entry.oldValue)
        new = readable(entry.newValue)
    }
}

/// Journal values as people read them: yes/no for flags, titles for task statuses. Ids became
/// names when the history was loaded (`JournalNames`).
enum JournalValues {
    static func readable(_ value: String, field: String?, entity: EntityKind) -> String {
        // A name put in by `JournalNames` is shown as it is, even a partner called "true".
        guard !value.isEmpty, let field, JournalNames.target(of: field, in: entity) == nil else { return value }
        switch (field, value) {
        case (_, "true"): return "yes"
        case (_, "false"): return "no"
        case (TaskDraft.Field.status.rawValue, _) where entity == .task:
            return TaskStatus(rawValue: value)?.title ?? value
        default:
            return value
        }
    }
}

/// Human labels for the field keys that the store writes into the journal: a record's declared
/// field says its own label; the keys below are those no record declares yet.
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
        "subject": "Subject", "status": "Status", "assigneeID": "Assignee", "dueDate": "Due date", "projectID": "Project",
        "description": "Description", "relatedAccount": "Related account", "primaryAccountID": "Primary account",
        "relatedOpportunity": "Related opportunity", "identifier": "Identifier", "parentID": "Parent project",
        "crmEnabled": "CRM enabled", "includeSubprojects": "Include subprojects",
        // Lead rules and opportunities
        "statusID": "Status", "priority": "Priority", "partnerID": "Partner",
        // Opportunities (OP-1) and sales activities (SA-1)
        "contactID": "Contact", "ownerID": "Owner", "probability": "Probability", "amount": "Amount",
        "expectedClose": "Expected close", "opportunityID": "Opportunity", "categoryID": "Category",
        "closedOn": "Closed on", "lostReasonID": "Lost reason",
    ]

    /// The label of `key` in the journal of `entity`: only a contact's account is its employer.
    static func label(for key: String, entity: EntityKind) -> String {
        if let spec = entity.field(journalKey: key) { return spec.historyLabel }
        return key == "accountID" && entity != .contact ? "Account" : labels[key] ?? key
    }
}
