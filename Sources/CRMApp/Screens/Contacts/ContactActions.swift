import CRMCore
import TerminalUI

/// The actions on one personal contact (PC-3), shared by the list, the detail and the menu.
enum ContactActions {
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "detail.open", "record.edit", "detail.edit", "record.delete", "detail.delete",
        "record.anonymize", "detail.anonymize", "menu.context", "detail.menu",
    ]

    static func run(_ command: CommandID, on contact: PersonalContact, app: AppController, from screen: Screen) -> Bool {
        let isDetail = screen is ContactDetailScreen
        switch command {
        case "record.open", "detail.open":
            guard !isDetail else { return false }
            app.push(ContactDetailScreen(contactID: contact.id, app: app))
        case "record.edit", "detail.edit":
            app.push(ContactForm.edit(contact, app: app))
        case "record.delete", "detail.delete":
            app.confirm("Delete the contact “\(contact.displayName)”?", detail: "This cannot be undone.") { app in
                if app.attempt("Could not delete", { try app.session.contacts.delete(id: contact.id, expectedVersion: contact.version) }) != nil {
                    if isDetail { app.pop() } else { screen.reload(app: app) }
                    app.show(message: "Deleted “\(contact.displayName)”")
                }
            }
        case "record.anonymize", "detail.anonymize":
            app.confirm("Anonymize “\(contact.displayName)”?",
                        detail: "Name, e-mail, phones and notes are erased for good, also from the history.") { app in
                if app.attempt("Could not anonymize", { try app.session.contacts.anonymize(id: contact.id, expectedVersion: contact.version) }) != nil {
                    screen.reload(app: app)
                    app.show(message: "The contact's personal data was erased")
                }
            }
        case "menu.context", "detail.menu":
            let entries: [(CommandID, CommandID, String)] = [
                ("record.open", "detail.open", "Open"), ("record.edit", "detail.edit", "Edit"),
                ("record.anonymize", "detail.anonymize", "Anonymize…"), ("record.delete", "detail.delete", "Delete…"),
            ]
            let items = entries.filter { !(isDetail && $0.0 == "record.open") }.map { listCommand, detailCommand, title in
                let id = isDetail ? detailCommand : listCommand
                return MenuItem(title: title, key: app.bindings.keyLabel(for: id, in: screen.contexts)) { app in
                    _ = run(id, on: contact, app: app, from: screen)
                }
            }
            app.present(MenuPopup(title: contact.displayName, items: items))
        default:
            return false
        }
        return true
    }
}
