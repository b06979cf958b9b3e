import CRMCore

/// The personal contact form (create, also as a new employee of an account, and edit).
enum ContactForm {
    typealias Field = ContactDraft.Field

    /// Plain text fields of the draft, in form order.
    static var textFields: [(key: Field, path: WritableKeyPath<ContactDraft, String>)] { [
        (.firstName, \.firstName), (.lastName, \.lastName), (.jobTitle, \.jobTitle), (.email, \.email),
        (.phone, \.phone), (.mobile, \.mobile), (.messenger, \.messenger),
    ] }

    static func create(app: AppController, employer: Account?) -> FormScreen {
        let types = app.session.contactTypeList
        let draft = ContactDraft(typeID: types.first?.id ?? 1, accountID: employer?.id)
        let title = employer.map { "Accounts › \($0.displayName) › New employee" } ?? "Contacts › New contact"
        return make(title: title, base: { draft }, employerName: employer?.displayName, app: app) { draft, app in
            let contact = try app.session.contacts.create(draft)
            app.noteCreated(CreatedRecord(.contact, id: contact.id))
            return "Created “\(contact.displayName)”"
        }
    }

    /// A new personal contact of type "Consultant" (when that type exists) who consults for
    /// `partner` (PA-2): created and linked in one transaction.
    static func createConsultant(of partner: Partner, app: AppController) -> FormScreen {
        let types = app.session.contactTypeList
        let type = types.first { SearchText.fold($0.name) == "consultant" } ?? types.first
        let draft = ContactDraft(typeID: type?.id ?? 1, accountID: nil)
        return make(title: "Partners › \(partner.name) › New consultant", base: { draft }, employerName: nil,
                    section: .partners, app: app) { draft, app in
            let contact = try app.session.partners.createConsultant(draft, partnerID: partner.id)
            app.noteCreated(CreatedRecord(.contact, id: contact.id))
            return "Created “\(contact.displayName)”, consultant of \(partner.name)"
        }
    }

    static func edit(_ contact: PersonalContact, app: AppController) -> FormScreen {
        let version = EditedVersion(of: contact)
        return make(title: "Contacts › \(contact.displayName) › Edit", base: { version.latest.fields },
                    employerName: contact.accountName, app: app) { draft, app in
            let saved = try version.save({ try app.session.contacts.update(id: contact.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields, employerName: $0.accountName, session: app.session) })
            return "Saved “\(saved.displayName)”"
        }
    }

    /// The form fields showing `draft`.
    static func fields(for draft: ContactDraft, employerName: String?, session: AppSession) -> [FormField] {
        let typeChoices = session.contactTypeList.map { Choice(id: String($0.id), title: $0.name) }
        var fields = [FormField(Field.typeID, kind: .select(typeChoices), required: true,
                                choice: typeChoices.first { $0.id == String(draft.typeID) })]
        let employer = draft.accountID.map { Choice(id: String($0), title: employerName ?? "#\($0)") }
        fields.append(FormField(Field.accountID,
                                kind: .recordPicker(search: { query in AccountChoices.search(query, session: session) }),
                                choice: employer))
        for field in textFields {
            fields.append(FormField(field.key, required: field.key == .lastName, text: draft[keyPath: field.path]))
        }
        fields.append(FormField(Field.note, text: draft.note))
        return fields
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> ContactDraft, employerName: String?,
                             section: Section? = nil, app: AppController,
                             save: @escaping (ContactDraft, AppController) throws -> String) -> FormScreen {
        let opened = base()
        let fields = fields(for: opened, employerName: employerName, session: app.session)
        let section = section ?? (opened.accountID == nil ? .contacts : app.section)
        return FormScreen(section: section, title: title, fields: fields) { values, app in
            let draft = base()
            var edited = draft
            edited.typeID = Int64(values[Field.typeID]?.value ?? "") ?? draft.typeID
            edited.accountID = Int64(values[Field.accountID]?.value ?? "")
            for field in textFields { edited[keyPath: field.path] = values[field.key]?.value ?? "" }
            edited.note = values[Field.note]?.value ?? ""
            let problems = edited.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome { try save(edited, app) }
        }
    }
}

/// Accounts offered by record pickers, found by name as the user types.
enum AccountChoices {
    static func search(_ query: String, session: AppSession) -> [Choice] {
        let accounts = (try? session.accounts.page(AccountQuery(filter: SearchText.plainWordsFilter(query)), .first, limit: 20)) ?? []
        return accounts.map { account in
            Choice(id: String(account.id), title: account.displayName + (account.city.isEmpty ? "" : " · " + account.city))
        }
    }
}
