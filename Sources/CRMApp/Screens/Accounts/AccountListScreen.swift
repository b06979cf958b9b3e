import CRMCore
import CRMStore
import TerminalUI

/// The accounts list: views "All", "My accounts" and "Favourites" as tabs, quick filter,
/// sort, and the account actions (AC-5 as far as built).
final class AccountListScreen: Screen {
    static let views: [(title: String, view: AccountQuery.View)] = [
        ("All accounts", .all), ("My accounts", .mine), ("Favourites", .favourites),
    ]

    let section = Section.accounts
    private let list: QueryList<AccountRepository>

    init(app: AppController) {
        list = QueryList(query: AccountQuery(), sorts: [
            SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "city", sort: .city, column: "City"),
            SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
        ], noun: "accounts", filterList: .accounts, app: app) { $0.session.accounts }
    }

    var breadcrumb: String { "Accounts" }
    var tabs: [String] { Self.views.map(\.title) }
    var activeTab: Int { Self.views.firstIndex { $0.view == list.query.view } ?? 0 }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func commands(app: AppController) -> [Command] {
        let turn = { [unowned self] (step: Int, app: AppController) in
            let next = Self.views[(activeTab + step + Self.views.count) % Self.views.count].view
            list.update(app: app) { $0.view = next }
        }
        let account = list.selected
        return [Command(.recordNew, [.sidebar]) { app in app.push(AccountForm.create(app: app)) }]
            + AccountActions.commands(for: account, at: .list, from: self)
            + list.commands(app: app)
            + [Command(.tabNext, [.sidebar]) { turn(1, $0) }, Command(.tabPrev) { turn(-1, $0) },
               Command.contextMenu(titled: account?.displayName)]
    }

    func reload(app: AppController) { list.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .account else { return false }
        list.reveal(id: record.id, app: app) { $0.view = .all }
        return true
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        list.render(columns: [
            TableColumn("Name", minWidth: 24, weight: 4) { $0.displayName },
            TableColumn("Type", minWidth: 7) { session.accountTypeName($0.typeID) },
            TableColumn("City", minWidth: 10, weight: 1) { $0.city },
            TableColumn("Country", minWidth: 7) { $0.country },
            TableColumn("Manager", minWidth: 10, weight: 1) { session.userName($0.accountManagerID) },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 13) { $0.phone },
        ], into: &buffer, rect: rect, app: app, contexts: contexts) { account in
            account.isFavourite ? "★" : (account.isPrivate ? "⚿" : (account.isKeyAccount ? "◆" : " "))
        }
    }
}
