import CRMCore

/// The partner form (create and edit, PA-2): name, contacts, place and note, validated by the
/// domain rules and saved with the version check.
enum PartnerForm {
    typealias Field = PartnerDraft.Field

    /// The one-line fields of the draft, in form order.
    static var textFields: [(key: Field, path: WritableKeyPath<PartnerDraft, String>)] { [
        (.name, \.name), (.email, \.email), (.phone, \.phone), (.city, \.city), (.country, \.country),
    ] }

    static func create(app: AppController) -> FormScreen {
        make(title: "Partners › New partner", base: { PartnerDraft(name: "") }) { draft, app in
            let partner = try app.session.partners.create(draft)
            app.noteCreated(CreatedRecord(.partner, id: partner.id))
            return "Created “\(partner.name)”"
        }
    }

    static func edit(_ partner: Partner, app: AppController) -> FormScreen {
        let version = EditedVersion(of: partner)
        return make(title: "Partners › \(partner.name) › Edit", base: { version.latest.fields }) { draft, app in
            let saved = try version.save({ try app.session.partners.update(id: partner.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields) })
            return "Saved “\(saved.name)”"
        }
    }

    /// The form fields showing `draft`.
    static func fields(for draft: PartnerDraft) -> [FormField] {
        textFields.map { field in
            FormField(field.key, required: field.key == .name, text: draft[keyPath: field.path])
        } + [FormField(Field.note, text: draft.note)]
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> PartnerDraft,
                             save: @escaping (PartnerDraft, AppController) throws -> String) -> FormScreen {
        FormScreen(section: .partners, title: title, fields: fields(for: base())) { values, app in
            var edited = base()
            for field in textFields { edited[keyPath: field.path] = values[field.key]?.value ?? "" }
            edited.note = values[Field.note]?.value ?? ""
            let problems = edited.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome { try save(edited, app) }
        }
    }
}
