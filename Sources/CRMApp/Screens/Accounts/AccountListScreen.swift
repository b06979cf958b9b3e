import CRMCore
import TerminalUI

/// The accounts list: views "All", "My accounts" and "Favourites" as tabs, quick filter,
/// sort, and the account actions (AC-5 as far as built).
final class AccountListScreen: Screen {
    static let views: [(title: String, view: AccountQuery.View)] = [
        ("All accounts", .all), ("My accounts", .mine), ("Favourites", .favourites),
    ]
    static let sorts: [(title: String, sort: AccountQuery.Sort, column: Int?)] = [
        ("name", .name, 0), ("city", .city, 2), ("last change", .updated, nil),
    ]

    let section = Section.accounts
    private var query = AccountQuery()
    private var sortIndex = 0
    private let pane: ListPane<AccountSource>

    init(app: AppController) {
        pane = ListPane(source: AccountSource(repository: app.session.accounts, query: query), noun: "accounts")
        pane.replaceSource(pane.source, app: app)
    }

    var breadcrumb: String { "Accounts" }
    var tabs: [String] { Self.views.map(\.title) }
    var activeTab: Int { Self.views.firstIndex { $0.view == query.view } ?? 0 }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { pane.isEditingFilter }
    var sidebarActions: [CommandID] {
        ["record.new", "record.open", "record.edit", "record.favourite", "record.delete",
         "filter.edit", "sort.next", "tab.next", "menu.context"]
    }

    private func requery(app: AppController) {
        pane.replaceSource(AccountSource(repository: app.session.accounts, query: query), app: app)
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        pane.handleFilterKey(event) { text in
            query.filter = text
            requery(app: app)
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if pane.handle(command, app: app, filterChanged: { text in query.filter = text; requery(app: app) }) {
            return true
        }
        switch command {
        case "tab.next", "tab.prev":
            let step = command == "tab.next" ? 1 : Self.views.count - 1
            query.view = Self.views[(activeTab + step) % Self.views.count].view
            requery(app: app)
        case "sort.next":
            sortIndex = (sortIndex + 1) % Self.sorts.count
            query.sort = Self.sorts[sortIndex].sort
            requery(app: app)
            app.show(message: "Sorted by \(Self.sorts[sortIndex].title)")
        case "sort.reverse":
            query.ascending.toggle()
            requery(app: app)
        case "record.new":
            app.push(AccountForm.create(app: app))
        default:
            guard let account = pane.selected else {
                return ["record.open", "record.edit", "record.delete", "record.favourite", "menu.context"].contains(command)
            }
            return AccountActions.run(command, on: account, app: app, from: self)
        }
        return true
    }

    func reload(app: AppController) { pane.reload(app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        let columns: [TableColumn<Account>] = [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Type", minWidth: 7) { session.accountTypeName($0.typeID) },
            TableColumn("City", minWidth: 10, weight: 1) { $0.city },
            TableColumn("Country", minWidth: 7) { $0.country },
            TableColumn("Manager", minWidth: 10, weight: 1) { session.userName($0.accountManagerID) },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ]
        pane.render(columns: columns, sortColumn: Self.sorts[sortIndex].column, ascending: query.ascending,
                    into: &buffer, rect: rect, theme: app.theme,
                    filterKey: app.bindings.keyLabel(for: "filter.edit", in: contexts)) { account in
            account.isFavourite ? "★" : (account.isPrivate ? "⚿" : (account.isKeyAccount ? "◆" : " "))
        }
    }
}
