import CRMCore
import TerminalUI

/// The actions on one account, shared by the list, the detail view and the context menu,
/// so each action is written once.
enum AccountActions {
    /// Runs a record command on `account`; returns false when it is not an account action.
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "detail.open", "record.edit", "detail.edit", "record.favourite", "detail.favourite",
        "record.delete", "detail.delete", "detail.contact.new", "menu.context", "detail.menu",
    ]

    static func run(_ command: CommandID, on account: Account, app: AppController, from screen: Screen) -> Bool {
        switch command {
        case "record.open", "detail.open":
            app.push(AccountDetailScreen(accountID: account.id, app: app))
        case "record.edit", "detail.edit":
            app.push(AccountForm.edit(account, app: app))
        case "record.favourite", "detail.favourite":
            let now = !account.isFavourite
            if app.attempt("Could not change the favourite", { try app.session.accounts.setFavourite(now, accountID: account.id) }) != nil {
                screen.reload(app: app)
                app.show(message: now ? "Added to your favourites" : "Removed from your favourites")
            }
        case "record.delete", "detail.delete":
            // What the store would refuse is said at once, before asking for a confirmation.
            guard let check = app.attempt("Could not check the account", {
                try app.session.accounts.deletionRefusal(id: account.id)
            }) else { return true }
            if let refusal = check {
                app.show(error: "Cannot delete “\(account.displayName)”. \(refusal.message)")
                return true
            }
            app.confirm("Delete the account “\(account.displayName)”?",
                        detail: "This cannot be undone.") { app in
                if app.attempt("Could not delete", { try app.session.accounts.delete(id: account.id, expectedVersion: account.version) }) != nil {
                    if screen is AccountDetailScreen { app.pop() } else { screen.reload(app: app) }
                    app.show(message: "Deleted “\(account.displayName)”")
                }
            }
        case "detail.contact.new":
            app.push(ContactForm.create(app: app, employer: account))
        case "menu.context", "detail.menu":
            app.present(MenuPopup(title: account.displayName, items: menu(for: account, app: app, from: screen)))
        default:
            return false
        }
        return true
    }

    static func menu(for account: Account, app: AppController, from screen: Screen) -> [MenuItem] {
        let entries: [(CommandID, CommandID, String)] = [
            ("record.open", "detail.open", "Open"),
            ("record.edit", "detail.edit", "Edit"),
            ("record.favourite", "detail.favourite", account.isFavourite ? "Remove from favourites" : "Add to favourites"),
            ("detail.contact.new", "detail.contact.new", "New employee (personal contact)"),
            ("record.delete", "detail.delete", "Delete…"),
        ]
        let isDetail = screen is AccountDetailScreen
        return entries.filter { !(isDetail && $0.0 == "record.open") }.map { listCommand, detailCommand, title in
            let command = isDetail ? detailCommand : listCommand
            return MenuItem(title: title, key: app.bindings.keyLabel(for: command, in: screen.contexts)) { app in
                _ = run(command, on: account, app: app, from: screen)
            }
        }
    }
}
