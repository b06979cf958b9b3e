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
        var expectedVersion = lead.version
        let title = "Leads › \(lead.displayName) › Qualify into “\(plan.status.name)”"
        return FormScreen(section: .leads, title: title, fields: fields(plan, session: app.session)) { values, app in
            switch OpportunityForm.apply(values, to: plan.opportunity) {
            case .failure(let invalid):
                return .invalid(FormConflict.byField(invalid.errors))
            case .success(let opportunity):
                let qualification = LeadQualification(
                    opportunity: opportunity,
                    account: plan.needsAccount ? link(values[accountKey], or: values[otherAccountKey]) : .none,
                    contact: plan.needsContact ? link(values[contactKey], or: values[otherContactKey]) : .none)
                return FormConflict.outcome {
                    do {
                        let saved = try app.session.leads.qualify(id: lead.id, expectedVersion: expectedVersion, qualification)
                        return "Qualified “\(saved.displayName)” → opportunity “\(opportunity.name)”"
                    } catch let stale as StaleRecordError<Lead> {
                        expectedVersion = stale.fresh.version
                        throw RuleViolationError(stale.description + " Save again to qualify it anyway.")
                    }
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
            let choices = plan.accountMatches.map { account in
                Choice(id: String(account.id), title: "Existing: \(account.displayName)"
                       + (account.fields.city.isEmpty ? "" : " · \(account.fields.city)"))
            } + (company.isEmpty ? [] : [Choice(id: fromLeadID, title: "New account “\(company)”")])
              + [Choice(id: noneID, title: "No account")]
            fields += [
                FormField(key: accountKey, label: "Account", kind: .select(choices),
                          required: statusRequires.contains(.accountID), choice: choices.first),
                FormField(key: otherAccountKey, label: "…or another account",
                          kind: .recordPicker(search: { AccountChoices.search($0, session: session) })),
            ]
        }
        if plan.needsContact {
            let name = [lead.firstName, lead.lastName].filter { !$0.isEmpty }.joined(separator: " ")
            let choices = plan.contactMatches.map { contact in
                Choice(id: String(contact.id), title: "Existing: \(contact.displayName)"
                       + (contact.accountName.map { " · \($0)" } ?? ""))
            } + (name.isEmpty ? [] : [Choice(id: fromLeadID, title: "New contact “\(name)”")])
              + [Choice(id: noneID, title: "No contact")]
            fields += [
                FormField(key: contactKey, label: "Personal contact", kind: .select(choices),
                          required: statusRequires.contains(.contactID), choice: choices.first),
                FormField(key: otherContactKey, label: "…or another contact",
                          kind: .recordPicker(search: { ContactChoices.search($0, session: session) })),
            ]
        }
        return fields
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
