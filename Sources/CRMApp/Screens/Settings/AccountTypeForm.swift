import CRMCore

/// The account type form: key, name and which native name fields the type uses (never both
/// off). Name-only types have their form in `NamedTypePage`.
enum AccountTypeForm {
    typealias Field = AccountTypeDraft.Field

    static func make(editing type: AccountType?, app: AppController) -> FormScreen {
        let title = type.map { "Settings › Account types › \($0.name)" } ?? "Settings › New account type"
        let version = type.map(EditedVersion.init(of:))
        return FormScreen(section: .settings, title: title, fields: fields(for: type)) { values, app in
            let draft = AccountTypeDraft(key: values[Field.key]?.value ?? "", name: values[Field.name]?.value ?? "",
                                         usesPersonName: values[Field.usesPersonName]?.isChecked ?? false,
                                         usesOrganisationName: values[Field.usesOrganisationName]?.isChecked ?? false)
            let problems = draft.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                if let type, let version {
                    _ = try version.save({ try app.session.accountTypes.update(id: type.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0) })
                } else {
                    _ = try app.session.accountTypes.create(draft)
                }
                app.session.refreshTypes()
                return "Saved the account type “\(draft.name)”"
            }
        }
    }

    /// The form fields showing `type` (a new type's defaults when `nil`).
    static func fields(for type: AccountType?) -> [FormField] {
        [
            FormField(Field.key, required: true, text: type?.key ?? ""),
            FormField(Field.name, required: true, text: type?.name ?? ""),
            FormField(Field.usesPersonName, checked: type?.usesPersonName ?? false),
            FormField(Field.usesOrganisationName, checked: type?.usesOrganisationName ?? true),
        ]
    }
}
