import CRMCore
import CRMStore
import TerminalUI

/// The OP-5 actions that relate other records to an opportunity: related accounts (existing or
/// new) and business roles.
enum OpportunityRelationActions {
    /// Offers "existing account" or "new account"; either ends with the account related.
    static func addAccount(to opportunity: Opportunity, app: AppController, from screen: Screen) {
        app.present(MenuPopup(title: "Add related account", items: [
            MenuItem(title: "Existing account…") { app in
                app.present(MenuPopup(title: "Related account", emptyText: "Type to search") { query in
                    AccountChoices.search(query, session: app.session).map { choice in
                        MenuItem(title: choice.title) { app in
                            relate(Int64(choice.id) ?? 0, to: opportunity, app: app, from: screen)
                        }
                    }
                })
            },
            MenuItem(title: "New account…") { app in
                app.push(AccountForm.create(app: app) { account, app in
                    relate(account.id, to: opportunity, app: app, from: screen)
                })
            },
        ]))
    }

    static func relate(_ accountID: Int64, to opportunity: Opportunity, app: AppController, from screen: Screen) {
        if app.attempt("Could not relate the account", {
            try app.session.opportunityRelations.relate(accountID: accountID, to: opportunity.id)
        }) != nil {
            screen.reload(app: app)
            app.show(message: "Related the account to “\(opportunity.name)”")
        }
    }

    /// A small form: a personal contact and the role they play in this deal.
    static func businessRoleForm(for opportunity: Opportunity, app: AppController) -> FormScreen {
        typealias Field = BusinessRole.Field
        let session = app.session
        return FormScreen(section: .opportunities, title: "Opportunities › \(opportunity.name) › Add business role", fields: [
            FormField(Field.contact, kind: .recordPicker(search: { ContactChoices.search($0, session: session) }), required: true),
            FormField(Field.role, required: true),
        ]) { values, app in
            FormConflict.outcome {
                guard let contactID = Int64(values[Field.contact]?.value ?? "") else {
                    throw ValidationError([FieldError(field: Field.contact.rawValue, message: "Choose a contact.")])
                }
                let role = values[Field.role]?.value ?? ""
                try app.session.opportunityRelations.addBusinessRole(contactID: contactID, role: role, to: opportunity.id)
                return "Added \(values[Field.contact]?.displayValue ?? "the contact") as \(role)"
            }
        }
    }
}
