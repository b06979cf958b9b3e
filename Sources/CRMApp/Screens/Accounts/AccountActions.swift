import CRMCore
import TerminalUI

/// The actions on one account, shared by the list, the detail view and the context menu,
/// so each action is written once.
enum AccountActions {
    /// Where the actions are offered: a list's selected row, or the detail view of one account.
    enum Place { case list, detail }

    /// The account actions on `account` (nil while the list has no row), in context-menu order,
    /// each placed in the sidebar where `place` shows it.
    static func commands(for account: Account?, at place: Place, from screen: Screen) -> [Command] {
        let action = { (id: CommandID, sidebar: Set<Place>, title: String, run: @escaping (Account, AppController) -> Void) in
            Command.on(account, id, sidebar.contains(place) ? [.sidebar, .menu] : [.menu], menuTitle: title,
                       missing: "There is no account here", action: run)
        }
        var commands: [Command] = []
        if place == .list {
            commands.append(action(.recordOpen, [.list], "Open") { account, app in
                app.push(AccountDetailScreen(accountID: account.id, app: app))
            })
        }
        return commands + [
            action(.recordEdit, [.list, .detail], "Edit") { account, app in app.push(AccountForm.edit(account, app: app)) },
            action(.recordFavourite, [.list, .detail],
                   account?.isFavourite == true ? "Remove from favourites" : "Add to favourites") { account, app in
                let now = !account.isFavourite
                if app.attempt("Could not change the favourite", { try app.session.accounts.setFavourite(now, accountID: account.id) }) != nil {
                    screen.reload(app: app)
                    app.show(message: now ? "Added to your favourites" : "Removed from your favourites")
                }
            },
            action(.detailContactNew, [.detail], "New employee (personal contact)") { account, app in
                app.push(ContactForm.create(app: app, employer: account))
            },
            action(.recordDelete, [.list, .detail], "Delete…") { account, app in delete(account, app: app, from: screen) },
        ]
    }

    /// Says at once what the store would refuse, before asking for a confirmation.
    private static func delete(_ account: Account, app: AppController, from screen: Screen) {
        guard let check = app.attempt("Could not check the account", {
            try app.session.accounts.deletionRefusal(id: account.id)
        }) else { return }
        if let refusal = check {
            app.show(error: "Cannot delete “\(account.displayName)”. \(refusal.message)")
            return
        }
        app.confirm("Delete the account “\(account.displayName)”?", detail: "This cannot be undone.") { app in
            if app.attempt("Could not delete", { try app.session.accounts.delete(id: account.id, expectedVersion: account.version) }) != nil {
                if screen is AccountDetailScreen { app.pop() } else { screen.reload(app: app) }
                app.show(message: "Deleted “\(account.displayName)”")
            }
        }
    }
}
