import CRMCore

/// The account type form: key, name and which native name fields the type uses (never both
/// off). Name-only types have their form in `NamedTypePage`.
enum AccountTypeForm {
    static func make(editing type: AccountType?, app: AppController) -> FormScreen {
        let title = type.map { "Settings › Account types › \($0.name)" } ?? "Settings › New account type"
        let fields = [
            FormField(key: "key", label: "Key (a-z 0-9 . _ -)", kind: .text, required: true, text: type?.key ?? ""),
            FormField(key: "name", label: "Name", kind: .text, required: true, text: type?.name ?? ""),
            FormField(key: "usesPersonName", label: "Uses first/last name", kind: .checkbox, checked: type?.usesPersonName ?? false),
            FormField(key: "usesOrganisationName", label: "Uses organisation name", kind: .checkbox,
                      checked: type?.usesOrganisationName ?? true),
        ]
        return FormScreen(section: .settings, title: title, fields: fields) { values, app in
            let draft = AccountTypeDraft(key: values["key"]?.value ?? "", name: values["name"]?.value ?? "",
                                         usesPersonName: values["usesPersonName"]?.isChecked ?? false,
                                         usesOrganisationName: values["usesOrganisationName"]?.isChecked ?? false)
            let problems = draft.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                if let type {
                    _ = try app.session.accountTypes.update(id: type.id, with: draft, expectedVersion: type.version)
                } else {
                    _ = try app.session.accountTypes.create(draft)
                }
                app.session.refreshTypes()
                return "Saved the account type “\(draft.name)”"
            }
        }
    }
}
