import CRMCore
import Foundation

/// A journal entry worded for people: local time, who, what happened, old and new values.
struct JournalLine {
    let when: String
    let who: String
    let what: String
    let old: String
    let new: String

    init(_ entry: JournalEntry, session: AppSession) {
        when = DateText.format(entry.at)
        who = entry.userLogin ?? "system"
        let field = entry.field.map(FieldLabels.label(for:)) ?? ""
        let origin = entry.mergedFromID.map { " (#\($0), merged)" } ?? ""
        switch entry.action {
        case .create: what = (field.isEmpty ? "created" : field) + origin
        case .update: what = field + origin
        case .delete: what = "deleted" + origin
        case .anonymize: what = "anonymized" + origin
        }
        let readable = { (value: String?) in JournalValues.readable(value ?? "", field: entry.field, entity: entry.entity, session: session) }
        old = readable(entry.oldValue)
        new = readable(entry.newValue)
    }
}

/// Journal values as people read them: type and user names instead of ids, yes/no for flags.
enum JournalValues {
    static func readable(_ value: String, field: String?, entity: EntityKind, session: AppSession) -> String {
        guard !value.isEmpty, let field else { return value }
        switch (field, value) {
        case (_, "true"): return "yes"
        case (_, "false"): return "no"
        case ("typeID", _):
            guard let id = Int64(value) else { return value }
            return entity == .contact ? session.contactTypeName(id) : session.accountTypeName(id)
        case ("accountManagerID", _), ("assigneeID", _):
            return Int64(value).map { session.userName($0) } ?? value
        default:
            return value
        }
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
        "subject": "Subject", "status": "Status", "assigneeID": "Assignee", "dueDate": "Due date", "projectID": "Project",
        "description": "Description", "relatedAccount": "Related account", "primaryAccountID": "Primary account",
        "relatedOpportunity": "Related opportunity", "identifier": "Identifier", "parentID": "Parent project",
        "crmEnabled": "CRM enabled", "includeSubprojects": "Include subprojects",
        // Leads (LD-1, LD-5…LD-8)
        "company": "Company", "website": "Website", "value": "Value", "score": "Score", "source": "Source",
        "campaignID": "Campaign", "statusID": "Status", "priority": "Priority", "tags": "Tags", "partnerID": "Partner",
        "utmSource": "UTM source", "utmMedium": "UTM medium", "utmCampaign": "UTM campaign", "utmContent": "UTM content",
        "opportunity": "Became opportunity", "account": "Account", "contact": "Contact", "qualifiedAt": "Qualified",
        "disqualifyReason": "Disqualify reason", "archived": "Archived", "duplicateOf": "Duplicate of",
        "mergedFrom": "Merged from", "mergedInto": "Merged into",
    ]

    static func label(for key: String) -> String { labels[key] ?? key }
}
