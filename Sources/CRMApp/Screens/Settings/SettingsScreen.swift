import CRMCore
import TerminalUI

/// CRM settings (ST-5 as far as built): personal contact types (PC-2), account types (AC-1)
/// and the users who may log in (managed with `crm user`).
final class SettingsScreen: Screen {
    enum Page: Int, CaseIterable {
        case contactTypes, accountTypes, users
        var title: String { ["Contact types", "Account types", "Users"][rawValue] }
    }

    let section = Section.settings
    private var page = Page.contactTypes
    private var selected = 0
    private var users: [User] = []

    init(app: AppController) {
        reload(app: app)
    }

    var breadcrumb: String { "Settings › " + page.title }
    var tabs: [String] { Page.allCases.map(\.title) }
    var activeTab: Int { page.rawValue }
    var contexts: [KeyContext] { [.list] }
    var sidebarActions: [CommandID] {
        page == .users ? ["tab.next"] : ["record.new", "record.edit", "record.delete", "tab.next"]
    }

    private var rowCount: Int {
        switch page {
        case .contactTypes: return lastSession?.contactTypeList.count ?? 0
        case .accountTypes: return lastSession?.accountTypeList.count ?? 0
        case .users: return users.count
        }
    }

    private weak var lastSession: AppSession?

    func reload(app: AppController) {
        lastSession = app.session
        app.session.refreshTypes()
        users = app.attempt("Could not read the users") { try app.session.database.users.list() } ?? []
        selected = min(selected, max(0, rowCount - 1))
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "tab.next", "tab.prev":
            let step = command == "tab.next" ? 1 : Page.allCases.count - 1
            page = Page(rawValue: (page.rawValue + step) % Page.allCases.count)!
            selected = 0
            reload(app: app)
        case "cursor.down": selected = min(selected + 1, max(0, rowCount - 1))
        case "cursor.up": selected = max(0, selected - 1)
        case "cursor.start", "cursor.page.up": selected = 0
        case "cursor.end", "cursor.page.down": selected = max(0, rowCount - 1)
        case "record.new", "record.edit", "record.open":
            switch page {
            case .contactTypes: app.push(TypeForms.contactType(editing: command == "record.new" ? nil : selectedContactType(app), app: app))
            case .accountTypes: app.push(TypeForms.accountType(editing: command == "record.new" ? nil : selectedAccountType(app), app: app))
            case .users: app.show(message: "Users are managed with `crm user add NAME --role ROLE` on the server")
            }
        case "record.delete":
            deleteSelected(app: app)
        default:
            return false
        }
        return true
    }

    private func selectedContactType(_ app: AppController) -> ContactType? {
        app.session.contactTypeList.indices.contains(selected) ? app.session.contactTypeList[selected] : nil
    }

    private func selectedAccountType(_ app: AppController) -> AccountType? {
        app.session.accountTypeList.indices.contains(selected) ? app.session.accountTypeList[selected] : nil
    }

    private func deleteSelected(app: AppController) {
        switch page {
        case .contactTypes:
            guard let type = selectedContactType(app) else { return }
            app.confirm("Delete the contact type “\(type.name)”?") { app in
                if app.attempt("Could not delete", { try app.session.contactTypes.delete(id: type.id, expectedVersion: type.version) }) != nil {
                    self.reload(app: app)
                }
            }
        case .accountTypes:
            guard let type = selectedAccountType(app) else { return }
            app.confirm("Delete the account type “\(type.name)”?") { app in
                if app.attempt("Could not delete", { try app.session.accountTypes.delete(id: type.id, expectedVersion: type.version) }) != nil {
                    self.reload(app: app)
                }
            }
        case .users:
            app.show(message: "Users are managed with `crm user` on the server")
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        let theme = app.theme
        switch page {
        case .contactTypes:
            TableView.render(app.session.contactTypeList, columns: [
                TableColumn("Personal contact type", minWidth: 20, weight: 1) { $0.name },
                TableColumn("Order", minWidth: 5, alignRight: true) { String($0.position) },
            ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: inner, theme: theme)
        case .accountTypes:
            TableView.render(app.session.accountTypeList, columns: [
                TableColumn("Account type", minWidth: 16, weight: 1) { $0.name },
                TableColumn("Key", minWidth: 10) { $0.key },
                TableColumn("Person name", minWidth: 11) { $0.usesPersonName ? "yes" : "no" },
                TableColumn("Organisation name", minWidth: 17) { $0.usesOrganisationName ? "yes" : "no" },
            ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: inner, theme: theme)
        case .users:
            TableView.render(users, columns: [
                TableColumn("Login", minWidth: 12) { $0.login },
                TableColumn("Name", minWidth: 16, weight: 1) { $0.displayName },
                TableColumn("Role", minWidth: 14) { $0.role.title },
                TableColumn("Active", minWidth: 6) { $0.active ? "yes" : "no" },
            ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: inner, theme: theme)
        }
    }
}
