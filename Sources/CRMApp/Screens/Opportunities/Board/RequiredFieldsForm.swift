import CRMCore
import CRMStore

/// The small form a board move opens when the target status requires fields the card leaves
/// empty (OP-3): exactly those fields, saved together with the new status in one update.
/// Cancelling saves nothing, so the card stays where it was.
enum RequiredFieldsForm {
    static func make(_ refusal: MissingRequiredFieldsError, app: AppController,
                     onSaved: @escaping (Opportunity) -> Void) -> FormScreen {
        let session = app.session
        // An amount of zero keeps its currency; otherwise amounts are asked for in the base currency.
        let currency = refusal.opportunity.amount?.currency ?? (try? session.moneySettings.baseCurrency())
        let status = refusal.status
        var stored = refusal.opportunity
        let fields = refusal.fields.map { field(for: $0, currency: currency?.code ?? "EUR", session: session) }
        let title = "“\(stored.name)” › Move to \(status.name) — fill required fields"
        return FormScreen(section: .opportunities, title: title, fields: fields) { values, app in
            var draft = stored.fields
            draft.statusID = status.id
            var errors: [String: String] = [:]
            for key in refusal.fields {
                if let problem = apply(values[key.rawValue], to: key, of: &draft, currency: currency) {
                    errors[key.rawValue] = problem
                }
            }
            guard errors.isEmpty else { return .invalid(errors) }
            let problems = draft.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                do {
                    let saved = try session.opportunities.update(id: stored.id, with: draft, expectedVersion: stored.version)
                    onSaved(saved)
                    return "Moved “\(saved.name)” to \(saved.statusName)"
                } catch let stale as StaleRecordError<Opportunity> {
                    // Their other changes are kept; a second save puts this status and these fields on top.
                    stored = stale.fresh
                    let fresh = refusal.fields.map { field(for: $0, value: stale.fresh, currency: currency?.code ?? "EUR",
                                                             session: session) }
                    throw FormConflict(fresh: fresh, message: FormConflict.message(stale))
                }
            }
        }
    }

    /// The form field asking for `key`, showing its value in `opportunity` when given.
    static func field(for key: OpportunityDraft.Field, value opportunity: Opportunity? = nil, currency: String,
                      session: AppSession) -> FormField {
        let name = key.rawValue, label = key.label
        let draft = opportunity?.fields
        func picked(_ id: Int64?, _ title: String?) -> Choice? {
            id.map { Choice(id: String($0), title: title ?? "#\($0)") }
        }
        switch key {
        case .accountID:
            return FormField(key: name, label: label, kind: .recordPicker(search: { AccountChoices.search($0, session: session) }),
                             required: true, choice: picked(draft?.accountID, opportunity?.accountName))
        case .contactID:
            return FormField(key: name, label: label,
                             kind: .recordPicker(search: { OpportunityChoices.contacts($0, session: session) }),
                             required: true, choice: picked(draft?.contactID, nil))
        case .projectID:
            return FormField(key: name, label: label,
                             kind: .recordPicker(search: { OpportunityChoices.projects($0, session: session) }),
                             required: true, choice: picked(draft?.projectID, nil))
        case .partnerID:
            return FormField(key: name, label: label,
                             kind: .recordPicker(search: { OpportunityChoices.partners($0, session: session) }),
                             required: true, choice: picked(draft?.partnerID, nil))
        case .ownerID:
            let users = session.userChoices(matching: "")
            return FormField(key: name, label: label, kind: .select(users), required: true,
                             choice: users.first { $0.id == draft?.ownerID.map(String.init) })
        case .amount:
            return FormField(key: name, label: label, kind: .money(currency: draft?.amount?.currency.code ?? currency),
                             required: true, text: draft?.amount?.amountText() ?? "")
        case .expectedClose:
            return FormField(key: name, label: label, kind: .date, required: true,
                             text: draft?.expectedClose?.description ?? "")
        case .description:
            return FormField(key: name, label: label, kind: .multiline, required: true, text: draft?.description ?? "",
                             maxLength: FieldRules.noteLimit)
        case .name, .statusID, .probability:
            return FormField(key: name, label: label, kind: .text, required: true, text: draft.map { $0.text(of: key) } ?? "")
        }
    }

    /// Puts the field's value into the draft; returns what is wrong with it, if anything.
    private static func apply(_ field: FormField?, to key: OpportunityDraft.Field, of draft: inout OpportunityDraft,
                              currency: Currency?) -> String? {
        let text = field?.value.trimmingCharacters(in: .whitespaces) ?? ""
        switch key {
        case .accountID: draft.accountID = Int64(text)
        case .contactID: draft.contactID = Int64(text)
        case .projectID: draft.projectID = Int64(text)
        case .partnerID: draft.partnerID = Int64(text)
        case .ownerID: draft.ownerID = Int64(text)
        case .expectedClose: draft.expectedClose = CalendarDate(parsing: text)
        case .description: draft.description = field?.value ?? ""
        case .name: draft.name = text
        case .probability: draft.probability = Int(text)
        case .statusID: break
        case .amount:
            guard let currency else { return "There is no currency to count in; set the base currency first." }
            guard let money = try? Money(parsing: text, currency: currency) else { return "not an amount (e.g. 1234.50)" }
            draft.amount = money
        }
        return nil
    }
}
