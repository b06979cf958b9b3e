import CRMCore
import Foundation

/// The account form (create and edit): every AC-2 field, validated by the domain rules,
/// saved with the version check so a concurrent edit is never silently overwritten.
enum AccountForm {
    /// Text fields of the draft, in form order: key (as the domain names it), label, path.
    static var textFields: [(key: AccountDraft.Field, label: String, path: WritableKeyPath<AccountDraft, String>)] { [
        (.firstName, "First name", \.firstName), (.lastName, "Last name", \.lastName),
        (.name, "Organisation name", \.name), (.email, "Email", \.email), (.phone, "Phone", \.phone),
        (.street, "Street", \.street), (.city, "City", \.city), (.postcode, "Postcode", \.postcode),
        (.country, "Country", \.country), (.registrationNumber, "Registration no.", \.registrationNumber),
        (.vatNumber, "VAT no.", \.vatNumber), (.industry, "Industry", \.industry),
    ] }
    static var flags: [(key: AccountDraft.Field, label: String, path: WritableKeyPath<AccountDraft, Bool>)] { [
        (.isKeyAccount, "Key account", \.isKeyAccount), (.isGlobal, "Global (visible to all)", \.isGlobal),
        (.isPrivate, "Private (only me)", \.isPrivate),
    ] }

    static func create(app: AppController) -> FormScreen {
        let types = app.session.accountTypeList
        var draft = AccountDraft(typeID: types.first { $0.key == "company" }?.id ?? types.first?.id ?? 1)
        draft.accountManagerID = app.session.user.id
        return make(title: "Accounts › New account", draft: draft, app: app) { draft, app in
            let account = try app.session.accounts.create(draft)
            return "Created “\(account.displayName)”"
        }
    }

    static func edit(_ account: Account, app: AppController) -> FormScreen {
        var expectedVersion = account.version
        return make(title: "Accounts › \(account.displayName) › Edit", draft: account.fields, app: app) { draft, app in
            do {
                let saved = try app.session.accounts.update(id: account.id, with: draft, expectedVersion: expectedVersion)
                return "Saved “\(saved.displayName)”"
            } catch let stale as StaleRecordError<Account> {
                // The next save overwrites knowingly: the user has now seen the fresh values.
                expectedVersion = stale.fresh.version
                throw FormConflict(fresh: values(of: stale.fresh.fields, app: app), message: stale.description
                    + " Save again to keep your version.")
            }
        }
    }

    private static func make(title: String, draft: AccountDraft, app: AppController,
                             save: @escaping (AccountDraft, AppController) throws -> String) -> FormScreen {
        let session = app.session
        let types = session.accountTypeList
        let typeChoices = types.map { Choice(id: String($0.id), title: $0.name) }
        let currentType = types.first { $0.id == draft.typeID }
        var fields = [FormField(key: AccountDraft.Field.typeID.rawValue, label: "Type", kind: .select(typeChoices),
                                required: true, choice: typeChoices.first { $0.id == String(draft.typeID) })]
        for field in textFields {
            let required = (field.key == .lastName && currentType?.usesOrganisationName == false)
                || (field.key == .name && currentType?.usesPersonName == false)
            fields.append(FormField(key: field.key.rawValue, label: field.label, kind: .text, required: required,
                                    text: draft[keyPath: field.path]))
        }
        let manager = draft.accountManagerID.map { Choice(id: String($0), title: session.userName($0)) }
        fields.append(FormField(key: AccountDraft.Field.accountManagerID.rawValue, label: "Account manager",
                                kind: .recordPicker(search: session.userChoices(matching:)), choice: manager))
        for flag in flags {
            fields.append(FormField(key: flag.key.rawValue, label: flag.label, kind: .checkbox,
                                    checked: draft[keyPath: flag.path]))
        }
        fields.append(FormField(key: AccountDraft.Field.note.rawValue, label: "Note", kind: .multiline,
                                text: draft.note, maxLength: FieldRules.noteLimit))
        return FormScreen(section: .accounts, title: title, fields: fields) { values, app in
            var edited = draft
            edited.typeID = Int64(values[AccountDraft.Field.typeID.rawValue]?.value ?? "") ?? draft.typeID
            for field in textFields { edited[keyPath: field.path] = values[field.key.rawValue]?.value ?? "" }
            for flag in flags { edited[keyPath: flag.path] = values[flag.key.rawValue]?.isChecked ?? false }
            edited.accountManagerID = Int64(values[AccountDraft.Field.accountManagerID.rawValue]?.value ?? "")
            edited.note = values[AccountDraft.Field.note.rawValue]?.value ?? ""
            guard let type = types.first(where: { $0.id == edited.typeID }) else {
                return .invalid([AccountDraft.Field.typeID.rawValue: "choose a type"])
            }
            let problems = edited.validate(type: type)
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome { try save(edited, app) }
        }
    }

    /// The draft's values as the form shows them, for the conflict display.
    static func values(of draft: AccountDraft, app: AppController) -> [String: String] {
        var values: [String: String] = [:]
        for field in AccountDraft.Field.allCases { values[field.rawValue] = draft.text(of: field) }
        values[AccountDraft.Field.accountManagerID.rawValue] = draft.accountManagerID.map(String.init) ?? ""
        return values
    }
}

/// Thrown by a form's save closure when the record changed meanwhile (ST-7).
struct FormConflict: Error {
    let fresh: [String: String]
    let message: String

    /// Runs a save and turns its result or error into what the form shows.
    static func outcome(_ body: () throws -> String) -> SaveOutcome {
        do {
            return .saved(message: try body())
        } catch let conflict as FormConflict {
            return .conflict(fresh: conflict.fresh, message: conflict.message)
        } catch let invalid as ValidationError {
            return .invalid(byField(invalid.errors))
        } catch {
            return .failed(ErrorText.describe(error))
        }
    }

    static func byField(_ errors: [FieldError]) -> [String: String] {
        Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}
