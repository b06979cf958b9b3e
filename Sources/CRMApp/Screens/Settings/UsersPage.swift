import CRMCore
import TerminalUI

/// The settings tab of users: read-only here, since users are managed with `crm user` on the
/// server (logins end up in SSH forced commands).
final class UsersPage: SettingsPage {
    let title = "Users"
    private var users: [User] = []

    var rowCount: Int { users.count }

    func reload(app: AppController) {
        users = app.attempt("Could not read the users") { try app.session.database.users.list() } ?? []
    }

    /// Users are managed on the server, so the record keys say how instead of doing nothing.
    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        [CommandID.recordNew, .recordEdit, .recordOpen, .recordDelete].map { id in
            Command(id, unavailable: "Users are managed with `crm user add NAME --role ROLE` on the server") { _ in }
        }
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
