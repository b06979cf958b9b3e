import CRMCore
import CRMStore

/// The lead form (create and edit, LD-4): the person, the company, how to reach them, the
/// value, source and UTM fields, status, priority, tags, campaign, project, partner and the
/// assignee. A new lead starts without an assignee, so the lead rules place it as they place
/// the leads intake receives, unless the user picks someone.
enum LeadForm {
    typealias Field = LeadDraft.Field
    static let currencyKey = "currency"

    /// The plain text fields, in form order.
    static var textFields: [(key: Field, path: WritableKeyPath<LeadDraft, String>)] { [
        (.firstName, \.firstName), (.lastName, \.lastName), (.company, \.company), (.jobTitle, \.jobTitle),
        (.email, \.email), (.phone, \.phone), (.mobile, \.mobile), (.website, \.website), (.country, \.country),
        (.source, \.source), (.utmSource, \.utmSource), (.utmMedium, \.utmMedium), (.utmCampaign, \.utmCampaign),
        (.utmContent, \.utmContent),
    ] }

    static func create(app: AppController) -> FormScreen {
        make(title: "Leads › New lead", base: { LeadDraft() }, isNew: true, app: app) { draft, app in
            // A lead left without an assignee goes where the lead rules send it, as intake would.
            let routed = draft.assigneeID == nil && draft.partnerID == nil
            let lead = try app.session.leads.create(draft, routed: routed)
            app.noteCreated(CreatedRecord(.lead, id: lead.id))
            return routed ? "Created “\(lead.displayName)” — routed: \(lead.history.routingExplanation)"
                : "Created “\(lead.displayName)”"
        }
    }

    static func edit(_ lead: Lead, app: AppController) -> FormScreen {
        let version = EditedVersion(of: lead)
        return make(title: "Leads › \(lead.displayName) › Edit", base: { version.latest.fields }, isNew: false,
                    app: app) { draft, app in
            let saved = try version.save({ try app.session.leads.update(id: lead.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields, session: app.session) })
            return "Saved “\(saved.displayName)”"
        }
    }

    /// The statuses the form offers: the open ones, where editing moves a lead (a disqualified
    /// lead is reopened that way), and the lead's own closed status; a qualified lead offers only
    /// its own. Qualify and disqualify (`Q`, `d`) close a lead, with what that step asks for.
    static func statusChoices(for current: Int64?, session: AppSession) -> [Choice] {
        let statuses = (try? session.database.leadStatuses.list()) ?? []
        let qualified = statuses.contains { $0.id == current && $0.kind == .qualified }
        return statuses.filter { $0.id == current || (!qualified && $0.kind.isOpen) }
            .map { Choice(id: String($0.id), title: $0.name) }
    }

    /// The form fields showing `draft`; `isNew` says what an empty assignee means.
    static func fields(for draft: LeadDraft, isNew: Bool = false, session: AppSession) -> [FormField] {
        let statusChoices = statusChoices(for: draft.statusID, session: session)
        let priorities = LeadDraft.Priority.allCases.map { Choice(id: $0.rawValue, title: $0.rawValue.capitalized) }
        let currency = draft.value?.currency.code ?? ((try? session.moneySettings.baseCurrency().code) ?? "EUR")
        let currencyChoices = AccountForm.currencies.map { Choice(id: $0, title: $0) }
        let names = session.database.names
        var assignee = FormField(Field.assigneeID, kind: .recordPicker(search: session.userChoices(matching:)),
                                 choice: draft.assigneeID.map { Choice(id: String($0), title: session.userName($0)) })
        assignee.placeholder = isNew ? "by the lead rules" : "nobody (free pool)"
        var fields = textFields.map { field in FormField(field.key, text: draft[keyPath: field.path]) }
        fields += [
            FormField(Field.value, kind: .money(currencyField: currencyKey), text: draft.value.map(MoneyDisplay.amount) ?? ""),
            FormField(key: currencyKey, label: "Currency", kind: .select(currencyChoices),
                      choice: currencyChoices.first { $0.id == currency } ?? Choice(id: currency, title: currency)),
            FormField(Field.score, text: draft.score.map(String.init) ?? ""),
            FormField(Field.statusID, kind: .select(statusChoices),
                      choice: statusChoices.first { $0.id == draft.statusID.map(String.init) } ?? statusChoices.first),
            FormField(Field.priority, kind: .select(priorities), choice: priorities.first { $0.id == draft.priority.rawValue }),
            // One line of text for all the tags: the form says how to separate them.
            FormField(key: Field.tags.rawValue, label: Field.tags.spec.label + " (comma separated)", kind: .text,
                      text: draft.tags.joined(separator: ", ")),
            FormField(Field.campaignID, kind: .recordPicker(search: { names.choices(.campaigns, matching: $0) }),
                      choice: names.choice(.campaigns, id: draft.campaignID)),
            FormField(Field.projectID, kind: .recordPicker(search: { names.choices(.projects, matching: $0) }),
                      choice: names.choice(.projects, id: draft.projectID)),
            FormField(Field.partnerID, kind: .recordPicker(search: { names.choices(.partners, matching: $0) }),
                      choice: names.choice(.partners, id: draft.partnerID)),
            assignee,
            FormField(Field.description, text: draft.description),
        ]
        return fields
    }

    /// `base` is the draft a save starts from: the lead as opened, then as the last refused save
    /// found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> LeadDraft, isNew: Bool, app: AppController,
                             save: @escaping (LeadDraft, AppController) throws -> String) -> FormScreen {
        FormScreen(section: .leads, title: title, fields: fields(for: base(), isNew: isNew, session: app.session)) { values, app in
            var edited = base()
            func text(_ field: Field) -> String { values[field]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
            for field in textFields { edited[keyPath: field.path] = values[field.key]?.value ?? "" }
            edited.description = values[Field.description]?.value ?? ""
            var typed = TypedValues(values)
            edited.score = typed.whole(Field.score)
            edited.statusID = Int64(text(.statusID))
            edited.priority = LeadDraft.Priority(rawValue: text(.priority)) ?? .normal
            edited.tags = text(.tags).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            edited.assigneeID = Int64(text(.assigneeID))
            edited.campaignID = Int64(text(.campaignID))
            edited.projectID = Int64(text(.projectID))
            edited.partnerID = Int64(text(.partnerID))
            let currency = values[currencyKey]?.value.trimmingCharacters(in: .whitespaces) ?? ""
            edited.value = typed.money(Field.value, currency: currency)
            guard typed.errors.isEmpty else { return .invalid(typed.errors) }
            let problems = edited.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome { try save(edited, app) }
        }
    }
}
