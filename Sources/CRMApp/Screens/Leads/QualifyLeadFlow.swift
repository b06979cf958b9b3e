import CRMCore
import CRMStore

/// Qualifying a lead (LD-5) from the keyboard: one form that asks only for what this step
/// needs — the opportunity's name, the fields its first status requires that the lead cannot
/// fill, and, when the lead has none yet, its account and personal contact (an existing one
/// that matches, a new one made from the lead, or none). Saving runs the store's single
/// transaction; a refusal shows under the field it concerns.
enum QualifyLeadFlow {
    static let accountKey = OpportunityDraft.Field.accountID.rawValue, contactKey = OpportunityDraft.Field.contactID.rawValue
    static let otherAccountKey = "otherAccount", otherContactKey = "otherContact"
    /// The choice ids of the account and contact selects besides existing records' ids.
    static let fromLeadID = "new", noneID = "none"

    /// Reads what qualifying needs and opens the form; a lead that cannot be qualified gets a
    /// message instead.
    static func start(_ lead: Lead, app: AppController) {
        guard let plan = app.attempt("Cannot qualify", {
            try app.session.leads.qualificationPlan(id: lead.id)
        }) else { return }
        app.push(form(plan, app: app))
    }

    static func form(_ plan: LeadQualificationPlan, app: AppController) -> FormScreen {
        let lead = plan.lead
        let version = EditedVersion(of: lead)
        let title = "Leads › \(lead.displayName) › Qualify into “\(plan.status.name)”"
        return FormScreen(section: .leads, title: title, fields: fields(plan, session: app.session)) { values, app in
            switch OpportunityForm.apply(values, to: plan.opportunity, today: app.session.database.today) {
            case .failure(let invalid):
                return .invalid(FormConflict.byField(invalid.errors))
            case .success(let opportunity):
                let qualification = LeadQualification(
                    opportunity: opportunity,
                    account: plan.needsAccount ? link(values[accountKey], or: values[otherAccountKey]) : .none,
                    contact: plan.needsContact ? link(values[contactKey], or: values[otherContactKey]) : .none)
                return FormConflict.outcome {
                    let saved = try version.save({ try app.session.leads.qualify(id: lead.id, expectedVersion: $0, qualification) },
                                                 refusal: { RuleViolationError($0.description + " Save again to qualify it anyway.") })
                    return "Qualified “\(saved.displayName)” → opportunity “\(opportunity.name)”"
                }
            }
        }
    }

    /// The opportunity's name, the required fields still missing, then the account and contact.
    private static func fields(_ plan: LeadQualificationPlan, session: AppSession) -> [FormField] {
        let lead = plan.lead
        let required = Set(plan.missingFields)
        var fields = [FormField(key: OpportunityDraft.Field.name.rawValue, label: "Opportunity name", kind: .text,
                                required: true, text: plan.opportunity.name)]
        fields += OpportunityForm.fields(for: plan.opportunity, accountName: nil, session: session,
                                         only: plan.missingFields, required: required)
        let statusRequires = Set(plan.status.requiredFields)
        if plan.needsAccount {
            let company = lead.company.trimmingCharacters(in: .whitespacesAndNewlines)
            fields += linkFields(
                key: accountKey, otherKey: otherAccountKey, noun: "account", label: "Account",
                existing: plan.accountMatches.map {
                    (String($0.id), $0.displayName + ($0.fields.city.isEmpty ? "" : " · \($0.fields.city)"))
                },
                newName: company, required: statusRequires.contains(.accountID),
                search: { AccountChoices.search($0, session: session) })
        }
        if plan.needsContact {
            let name = [lead.firstName, lead.lastName].filter { !$0.isEmpty }.joined(separator: " ")
            fields += linkFields(
                key: contactKey, otherKey: otherContactKey, noun: "contact", label: "Personal contact",
                existing: plan.contactMatches.map {
                    (String($0.id), $0.displayName + ($0.accountName.map { " · \($0)" } ?? ""))
                },
                newName: name, required: statusRequires.contains(.contactID),
                search: { ContactChoices.search($0, session: session) })
        }
        return fields
    }

    /// The pair of fields that links the qualified lead to an account or a contact: a choice of
    /// the matching records, a new one made from the lead, or none; and a search for another.
    private static func linkFields(key: String, otherKey: String, noun: String, label: String,
                                   existing: [(id: String, title: String)], newName: String, required: Bool,
                                   search: @escaping (String) -> [Choice]) -> [FormField] {
        let choices = existing.map { Choice(id: $0.id, title: "Existing: \($0.title)") }
            + (newName.isEmpty ? [] : [Choice(id: fromLeadID, title: "New \(noun) “\(newName)”")])
            + [Choice(id: noneID, title: "No \(noun)")]
        return [
            FormField(key: key, label: label, kind: .select(choices), required: required, choice: choices.first),
            FormField(key: otherKey, label: "…or another \(noun)", kind: .recordPicker(search: search)),
        ]
    }

    /// What the account or contact fields ask for: a record searched in the second field wins
    /// over the first field's choice.
    private static func link(_ choice: FormField?, or other: FormField?) -> LeadQualification.Link {
        if let id = other.flatMap({ Int64($0.value) }) { return .existing(id) }
        switch choice?.value {
        case fromLeadID: return .fromLead
        case noneID, nil, "": return .none
        case let id?: return Int64(id).map { .existing($0) } ?? .none
        }
    }
}
