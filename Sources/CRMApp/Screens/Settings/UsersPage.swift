import CRMCore
import TerminalUI

/// The settings tab of users: read-only here, since users are managed with `crm user` on the
/// server (logins end up in SSH forced commands).
final class UsersPage: SettingsPage {
    let title = "Users"
    let sidebarActions: [CommandID] = []
    private var users: [User] = []

    var rowCount: Int { users.count }

    func reload(app: AppController) {
        users = app.attempt("Could not read the users") { try app.session.database.users.list() } ?? []
    }

    let commands: Set<CommandID> = ["record.new", "record.edit", "record.open", "record.delete"]

    func handle(_ command: CommandID, selected: inout Int, app: AppController) -> Bool {
        guard commands.contains(command) else { return false }
        app.show(message: "Users are managed with `crm user add NAME --role ROLE` on the server")
        return true
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        TableView.render(users, columns: [
            TableColumn("Login", minWidth: 12) { $0.login },
            TableColumn("Name", minWidth: 16, weight: 1) { $0.displayName },
            TableColumn("Role", minWidth: 14) { $0.role.title },
            TableColumn("Active", minWidth: 6) { $0.active ? "yes" : "no" },
        ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: rect, theme: app.theme)
    }
}
