import CRMCore
import Foundation

/// The account form (create and edit): every AC-2 field plus head count, revenue and
/// customer-since date, validated by the domain rules and saved with the version check, so a
/// concurrent edit is never silently overwritten.
enum AccountForm {
    typealias Field = AccountDraft.Field

    /// Plain text fields of the draft, in form order.
    static var textFields: [(key: Field, path: WritableKeyPath<AccountDraft, String>)] { [
        (.firstName, \.firstName), (.lastName, \.lastName), (.name, \.name), (.email, \.email), (.phone, \.phone),
        (.street, \.street), (.city, \.city), (.postcode, \.postcode), (.country, \.country),
        (.registrationNumber, \.registrationNumber), (.vatNumber, \.vatNumber), (.industry, \.industry),
    ] }
    /// Who sees the account: one choice, since global and private exclude each other.
    static let visibilityKey = "visibility"
    static let visibilityChoices = AccountVisibility.allCases.map { Choice(id: $0.rawValue, title: $0.title) }
    static let currencies = ["EUR", "USD", "CZK", "GBP", "CHF", "PLN", "JPY"]
    static let revenueCurrencyKey = "revenueCurrency"

    /// The new-account form; `created` runs after the save, e.g. to relate the new account
    /// to the record the form was opened from.
    static func create(app: AppController, created: ((Account, AppController) -> Void)? = nil) -> FormScreen {
        let types = app.session.accountTypeList
        var draft = AccountDraft(typeID: types.first { $0.key == "company" }?.id ?? types.first?.id ?? 1)
        draft.accountManagerID = app.session.user.id
        return make(title: "Accounts › New account", base: { draft }, app: app) { draft, app in
            let account = try app.session.accounts.create(draft)
            app.noteCreated(CreatedRecord(.account, id: account.id))
            created?(account, app)
            return "Created “\(account.displayName)”"
        }
    }

    static func edit(_ account: Account, app: AppController) -> FormScreen {
        let version = EditedVersion(of: account)
        return make(title: "Accounts › \(account.displayName) › Edit", base: { version.latest.fields }, app: app) { draft, app in
            let saved = try version.save({ try app.session.accounts.update(id: account.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields, session: app.session) })
            return "Saved “\(saved.displayName)”"
        }
    }

    /// The form fields showing `draft`.
    static func fields(for draft: AccountDraft, session: AppSession) -> [FormField] {
        let types = session.accountTypeList
        let typeChoices = types.map { Choice(id: String($0.id), title: $0.name) }
        let currentType = types.first { $0.id == draft.typeID }
        var fields = [FormField(Field.typeID, kind: .select(typeChoices), required: true,
                                choice: typeChoices.first { $0.id == String(draft.typeID) })]
        for field in textFields {
            let required = (field.key == .lastName && currentType?.usesOrganisationName == false)
                || (field.key == .name && currentType?.usesPersonName == false)
            fields.append(FormField(field.key, required: required, text: draft[keyPath: field.path]))
        }
        let manager = draft.accountManagerID.map { Choice(id: String($0), title: session.userName($0)) }
        fields.append(FormField(Field.accountManagerID, kind: .recordPicker(search: session.userChoices(matching:)),
                                choice: manager))
        let currency = draft.annualRevenue?.currency.code ?? "EUR"
        let currencyChoices = currencies.map { Choice(id: $0, title: $0) }
        fields += [
            FormField(Field.employees, text: draft.employees.map(String.init) ?? ""),
            FormField(Field.annualRevenue, kind: .money(currencyField: revenueCurrencyKey),
                      text: draft.annualRevenue.map(MoneyDisplay.amount) ?? ""),
            FormField(key: revenueCurrencyKey, label: "Revenue currency", kind: .select(currencyChoices),
                      choice: currencyChoices.first { $0.id == currency } ?? Choice(id: currency, title: currency)),
            FormField(Field.customerSince, text: draft.customerSince?.description ?? ""),
        ]
        fields.append(FormField(Field.isKeyAccount, checked: draft.isKeyAccount))
        fields.append(FormField(key: visibilityKey, label: "Visibility", kind: .select(visibilityChoices),
                                choice: visibilityChoices.first { $0.id == draft.visibility.rawValue }))
        fields.append(FormField(Field.note, text: draft.note))
        return fields
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> AccountDraft, app: AppController,
                             save: @escaping (AccountDraft, AppController) throws -> String) -> FormScreen {
        let types = app.session.accountTypeList
        return FormScreen(section: .accounts, title: title, fields: fields(for: base(), session: app.session)) { values, app in
            let draft = base()
            var edited = draft
            let text = { (key: Field) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
            edited.typeID = Int64(text(.typeID)) ?? draft.typeID
            for field in textFields { edited[keyPath: field.path] = values[field.key]?.value ?? "" }
            edited.isKeyAccount = values[Field.isKeyAccount]?.isChecked ?? false
            edited.visibility = values[visibilityKey].flatMap { AccountVisibility(rawValue: $0.value) } ?? .normal
            edited.accountManagerID = Int64(text(.accountManagerID))
            edited.note = values[Field.note]?.value ?? ""
            var typed = TypedValues(values)
            edited.employees = typed.whole(Field.employees)
            edited.customerSince = typed.day(Field.customerSince, today: app.session.database.today)
            edited.annualRevenue = typed.money(Field.annualRevenue, currency: values[revenueCurrencyKey]?.value ?? "EUR")
            guard typed.errors.isEmpty else { return .invalid(typed.errors) }
            guard let type = types.first(where: { $0.id == edited.typeID }) else {
                return .invalid([Field.typeID.rawValue: "choose a type"])
            }
            let problems = edited.validate(type: type)
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                do {
                    return try save(edited, app)
                } catch let invalid as ValidationError {
                    throw ValidationError(invalid.errors.map(shownUnderVisibility))
                }
            }
        }
    }

    /// A problem with either visibility flag, keyed to the one field that shows both.
    private static func shownUnderVisibility(_ error: FieldError) -> FieldError {
        [Field.isGlobal.rawValue, Field.isPrivate.rawValue].contains(error.field)
            ? FieldError(field: visibilityKey, message: error.message) : error
    }
}
