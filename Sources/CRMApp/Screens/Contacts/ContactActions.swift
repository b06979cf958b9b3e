import CRMCore
import TerminalUI

/// The actions on one personal contact (PC-3), shared by the list, the detail and the menu.
enum ContactActions {
    /// The actions on `contact` (nil while the list has no row) in context-menu order, all in the
    /// sidebar too; Open only where `fromList`.
    static func commands(for contact: PersonalContact?, fromList: Bool, from screen: Screen) -> [Command] {
        let action = { (id: CommandID, title: String, run: @escaping (PersonalContact, AppController) -> Void) in
            Command.on(contact, id, [.sidebar, .menu], menuTitle: title, missing: "There is no contact here", action: run)
        }
        let open = action(.recordOpen, "Open") { contact, app in app.push(ContactDetailScreen(contactID: contact.id, app: app)) }
        return (fromList ? [open] : []) + [
            action(.recordEdit, "Edit") { contact, app in app.push(ContactForm.edit(contact, app: app)) },
            Command.on(contact, .recordAccountOpen, [.sidebar, .menu], menuTitle: "Open the employer’s account",
                       missing: "There is no contact here",
                       unavailable: { $0.accountID == nil ? "“\($0.displayName)” is not an employee of any account" : nil }) { contact, app in
                if let accountID = contact.accountID { app.push(AccountDetailScreen(accountID: accountID, app: app)) }
            },
            action(.recordAnonymize, "Anonymize…") { contact, app in
                app.confirm("Anonymize “\(contact.displayName)”?",
                            detail: "Name, e-mail, phones and notes are erased for good, also from the history.") { app in
                    if app.attempt("Could not anonymize", { try app.session.contacts.anonymize(id: contact.id, expectedVersion: contact.version) }) != nil {
                        screen.reload(app: app)
                        app.show(message: "The contact's personal data was erased")
                    }
                }
            },
            action(.recordDelete, "Delete…") { contact, app in
                app.confirm("Delete the contact “\(contact.displayName)”?", detail: "This cannot be undone.") { app in
                    if app.attempt("Could not delete", { try app.session.contacts.delete(id: contact.id, expectedVersion: contact.version) }) != nil {
                        if fromList { screen.reload(app: app) } else { app.pop() }
                        app.show(message: "Deleted “\(contact.displayName)”")
                    }
                }
            },
        ]
    }
}
