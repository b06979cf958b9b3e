import CRMCore
import CRMStore
import Foundation

/// The opportunity form (create, edit, copy) and its field builders, which the board's
/// required-fields prompt reuses for just the missing fields (OP-1, OP-3).
enum OpportunityForm {
    typealias Field = OpportunityDraft.Field
    static let currencyKey = "currency"

    static func create(app: AppController, account: Account? = nil, statusID: Int64? = nil,
                       projectID: Int64? = nil, partnerID: Int64? = nil) -> FormScreen {
        let firstOpen = app.session.statusList.first { $0.kind == .open } ?? app.session.statusList.first
        var draft = OpportunityDraft(name: "", statusID: statusID ?? firstOpen?.id ?? 1)
        draft.ownerID = app.session.user.id
        draft.accountID = account?.id
        draft.projectID = projectID
        draft.partnerID = partnerID
        return make(title: "Opportunities › New opportunity", base: { draft }, accountName: account?.displayName, app: app) { draft, app in
            let created = try app.session.opportunities.create(draft)
            app.noteCreated(CreatedRecord(.opportunity, id: created.id))
            return "Created “\(created.name)”"
        }
    }

    /// A new opportunity prefilled from `original` (OP-5 "copy"); the copy gets its own history.
    static func copy(_ original: Opportunity, app: AppController) -> FormScreen {
        var draft = original.fields
        draft.name = "Copy of " + original.name
        return make(title: "Opportunities › Copy of \(original.name)", base: { draft }, accountName: original.accountName,
                    app: app) { draft, app in
            let created = try app.session.opportunities.create(draft)
            app.noteCreated(CreatedRecord(.opportunity, id: created.id))
            return "Created the copy “\(created.name)”"
        }
    }

    static func edit(_ opportunity: Opportunity, app: AppController) -> FormScreen {
        let version = EditedVersion(of: opportunity)
        return make(title: "Opportunities › \(opportunity.name) › Edit", base: { version.latest.fields },
                    accountName: opportunity.accountName, app: app) { draft, app in
            let saved = try version.save({ try app.session.opportunities.update(id: opportunity.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields, accountName: $0.accountName, session: app.session) })
            return "Saved “\(saved.name)”"
        }
    }

    /// The form fields showing `draft`; `only` limits them to some fields (the board's prompt),
    /// `required` marks fields the target status requires. Without `only`, the closing fields
    /// show when the draft's status is won or lost, required once they hold a value.
    static func fields(for draft: OpportunityDraft, accountName: String?, session: AppSession,
                       only: [Field]? = nil, required: Set<Field> = []) -> [FormField] {
        let statusChoices = session.statusList.map { Choice(id: String($0.id), title: "\($0.name) (\($0.kind.title))") }
        let closing = OpportunityDraft.closingFields(of: session.statusList.first { $0.id == draft.statusID }?.kind ?? .open)
        let required = required.union(closing.filter(draft.isFilled))
        let reasonChoices = ((try? session.lostReasons.list()) ?? []).map { Choice(id: String($0.id), title: $0.name) }
        let currency = draft.amount?.currency.code ?? ((try? session.moneySettings.baseCurrency().code) ?? "EUR")
        let currencyChoices = AccountForm.currencies.map { Choice(id: $0, title: $0) }
        let names = session.database.names
        func choice(_ id: Int64?, _ title: (Int64) -> String?) -> Choice? {
            id.map { Choice(id: String($0), title: title($0) ?? "#\($0)") }
        }
        var fields: [(Field, [FormField])] = [
            (.name, [FormField(Field.name, required: true, text: draft.name)]),
            (.accountID, [FormField(Field.accountID, kind: .recordPicker(search: { AccountChoices.search($0, session: session) }),
                                    required: required.contains(.accountID), choice: choice(draft.accountID) { _ in accountName })]),
            (.contactID, [FormField(Field.contactID, kind: .recordPicker(search: { ContactChoices.search($0, session: session) }),
                                    required: required.contains(.contactID),
                                    choice: choice(draft.contactID) { try? session.contacts.get(id: $0).displayName })]),
            (.statusID, [FormField(Field.statusID, kind: .select(statusChoices), required: true,
                                   choice: statusChoices.first { $0.id == String(draft.statusID) })]),
            (.closedOn, [FormField(Field.closedOn, required: required.contains(.closedOn),
                                   text: draft.closedOn?.description ?? "")]),
            (.lostReasonID, [FormField(Field.lostReasonID, kind: .select(reasonChoices), required: required.contains(.lostReasonID),
                                       choice: reasonChoices.first { $0.id == draft.lostReasonID.map(String.init) })]),
            (.probability, [FormField(Field.probability, text: draft.probability.map(String.init) ?? "")]),
            (.amount, [
                FormField(Field.amount, kind: .money(currencyField: currencyKey), required: required.contains(.amount),
                          text: draft.amount.map(MoneyDisplay.amount) ?? ""),
                FormField(key: currencyKey, label: "Currency", kind: .select(currencyChoices),
                          choice: currencyChoices.first { $0.id == currency } ?? Choice(id: currency, title: currency)),
            ]),
            (.expectedClose, [FormField(Field.expectedClose, required: required.contains(.expectedClose),
                                        text: draft.expectedClose?.description ?? "")]),
            (.ownerID, [FormField(Field.ownerID, kind: .recordPicker(search: session.userChoices(matching:)),
                                  required: required.contains(.ownerID), choice: choice(draft.ownerID) { session.userName($0) })]),
            (.projectID, [FormField(Field.projectID, kind: .recordPicker(search: { names.choices(.projects, matching: $0) }),
                                    required: required.contains(.projectID), choice: names.choice(.projects, id: draft.projectID))]),
            (.partnerID, [FormField(Field.partnerID, kind: .recordPicker(search: { names.choices(.partners, matching: $0) }),
                                    required: required.contains(.partnerID), choice: names.choice(.partners, id: draft.partnerID))]),
            (.description, [FormField(Field.description, required: required.contains(.description), text: draft.description)]),
        ]
        fields = fields.filter { only?.contains($0.0) ?? (!$0.0.isClosing || closing.contains($0.0)) }
        return fields.flatMap(\.1)
    }

    /// `draft` with the values of the form's fields; fields the form does not show keep their
    /// value. Relative dates count from `today`. Returns the field errors instead when a value
    /// cannot be read.
    static func apply(_ values: [String: FormField], to draft: OpportunityDraft,
                      today: CalendarDate) -> Result<OpportunityDraft, ValidationError> {
        var edited = draft
        var typed = TypedValues(values)
        func text(_ key: String) -> String? { values[key]?.value.trimmingCharacters(in: .whitespaces) }
        func reference(_ field: Field) -> Int64?? { text(field.rawValue).map { Int64($0) } }
        if let name = values[Field.name]?.value { edited.name = name }
        if let id = reference(.accountID) { edited.accountID = id }
        if let id = reference(.contactID) { edited.contactID = id }
        if let id = reference(.projectID) { edited.projectID = id }
        if let id = reference(.ownerID) { edited.ownerID = id }
        if let id = reference(.partnerID) { edited.partnerID = id }
        if let id = reference(.lostReasonID) { edited.lostReasonID = id }
        if values[Field.closedOn] != nil { edited.closedOn = typed.day(Field.closedOn, today: today) }
        if let status = text(Field.statusID.rawValue).flatMap({ Int64($0) }) { edited.statusID = status }
        if values[Field.probability] != nil { edited.probability = typed.whole(Field.probability) }
        if values[Field.expectedClose] != nil { edited.expectedClose = typed.day(Field.expectedClose, today: today) }
        if let description = values[Field.description]?.value { edited.description = description }
        if values[Field.amount] != nil {
            edited.amount = typed.money(Field.amount, currency: text(currencyKey) ?? "EUR")
        }
        guard typed.errors.isEmpty else { return .failure(ValidationError(typed.fieldErrors)) }
        let problems = edited.validate()
        return problems.isEmpty ? .success(edited) : .failure(ValidationError(problems))
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> OpportunityDraft, accountName: String?, app: AppController,
                             save: @escaping (OpportunityDraft, AppController) throws -> String) -> FormScreen {
        weak var shown: FormScreen?
        let form = FormScreen(section: .opportunities, title: title,
                              fields: fields(for: base(), accountName: accountName, session: app.session)) { values, app in
            switch apply(values, to: base(), today: app.session.database.today) {
            case .failure(let invalid): return .invalid(FormConflict.byField(invalid.errors))
            case .success(let edited):
                if let form = shown, let asked = askClosingFields(of: edited, in: form, session: app.session) {
                    return .invalid(asked)
                }
                return FormConflict.outcome { try save(edited, app) }
            }
        }
        shown = form
        return form
    }

    /// After the status was changed to won or lost, adds the closing fields the form lacks under
    /// the status (the day closed set to today) and returns what to say under them, so the user
    /// checks them and saves again; `nil` when the form shows them all.
    private static func askClosingFields(of edited: OpportunityDraft, in form: FormScreen, session: AppSession)
        -> [String: String]? {
        let kind = session.statusList.first { $0.id == edited.statusID }?.kind ?? .open
        let missing = OpportunityDraft.closingFields(of: kind).filter { form.field($0.rawValue) == nil }
        guard !missing.isEmpty else { return nil }
        var closed = edited
        closed.closedOn = closed.closedOn ?? session.database.today
        var grown = form.fields
        let below = grown.firstIndex { $0.key == Field.statusID.rawValue }.map { $0 + 1 } ?? grown.count
        grown.insert(contentsOf: fields(for: closed, accountName: nil, session: session, only: missing, required: Set(missing)),
                     at: below)
        form.replaceFields(grown, focusing: missing.first?.rawValue)
        return missing.contains(.lostReasonID)
            ? [Field.lostReasonID.rawValue: "choose why the deal was lost"]
            : [Field.closedOn.rawValue: "the day the deal closed: change it if it was another day, then save"]
    }
}

/// Personal contacts offered by record pickers, found by name as the user types.
enum ContactChoices {
    static func search(_ query: String, session: AppSession) -> [Choice] {
        let contacts = (try? session.contacts.page(ContactQuery(filter: SearchText.plainWordsFilter(query)), .first, limit: 20)) ?? []
        return contacts.map { contact in
            Choice(id: String(contact.id), title: contact.displayName + (contact.accountName.map { " · " + $0 } ?? ""))
        }
    }
}
