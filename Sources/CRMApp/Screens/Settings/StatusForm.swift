import CRMCore

/// The form of an opportunity status (OP-2): name, order, default probability, kind, colour and
/// the required fields as a multi-select. The rule that a won and an open status remain is
/// checked by the store and shown under Kind, with the input kept.
enum StatusForm {
    typealias Field = OpportunityStatusDraft.Field

    static let requirableChoices = OpportunityDraft.Field.requirable.map { Choice(id: $0.rawValue, title: $0.spec.label) }

    /// "Account, Amount", or "—" when nothing is required.
    static func requiredText(_ fields: [OpportunityDraft.Field]) -> String {
        fields.isEmpty ? "—" : fields.map(\.spec.label).joined(separator: ", ")
    }

    static func make(editing status: OpportunityStatus?, app: AppController) -> FormScreen {
        let statuses = (try? app.session.opportunityStatuses.list()) ?? []
        let draft = status?.fields ?? OpportunityStatusDraft(
            name: "", position: (statuses.map(\.position).max() ?? 0) + 1, probability: 50)
        let version = status.map(EditedVersion.init(of:))
        let title = status.map { "Settings › Statuses › \($0.name)" } ?? "Settings › New status"
        return FormScreen(section: .settings, title: title, fields: fields(for: draft)) { values, _ in
            let text = { (key: Field) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
            var typed = TypedValues(values)
            let edited = OpportunityStatusDraft(
                name: text(.name), position: typed.whole(Field.position) ?? draft.position,
                probability: typed.whole(Field.probability) ?? draft.probability,
                kind: StatusKind(rawValue: text(.kind)) ?? draft.kind,
                colour: StatusColour(rawValue: text(.colour)) ?? draft.colour,
                requiredFields: text(.requiredFields).split(separator: ",").compactMap { OpportunityDraft.Field(rawValue: String($0)) })
            guard typed.errors.isEmpty else { return .invalid(typed.errors) }
            let problems = edited.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                guard let status, let version else {
                    let created = try app.session.opportunityStatuses.create(edited)
                    return "Created the status “\(created.name)”"
                }
                let saved = try version.save({ try app.session.opportunityStatuses.update(id: status.id, with: edited, expectedVersion: $0) },
                                             showing: { fields(for: $0.fields) })
                return "Saved the status “\(saved.name)”"
            }
        }
    }

    static func fields(for draft: OpportunityStatusDraft) -> [FormField] {
        let kinds = StatusKind.allCases.map { Choice(id: $0.rawValue, title: $0.title) }
        let colours = StatusColour.allCases.map { Choice(id: $0.rawValue, title: $0.rawValue) }
        let required = Set(draft.requiredFields.map(\.rawValue))
        var name = FormField(Field.name, required: true, text: draft.name)
        name.input.maxLength = OpportunityStatusDraft.nameLimit
        return [
            name,
            FormField(Field.position, required: true, text: String(draft.position)),
            FormField(Field.probability, required: true, text: String(draft.probability)),
            FormField(Field.kind, kind: .select(kinds), required: true, choice: kinds.first { $0.id == draft.kind.rawValue }),
            FormField(Field.colour, kind: .select(colours), required: true,
                      choice: colours.first { $0.id == draft.colour.rawValue }),
            FormField(Field.requiredFields, kind: .multiSelect(requirableChoices),
                      chosen: requirableChoices.filter { required.contains($0.id) }),
        ]
    }
}
