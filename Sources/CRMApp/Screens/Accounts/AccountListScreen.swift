import CRMCore
import CRMStore
import TerminalUI

/// The accounts list: views "All", "My accounts" and "Favourites" as tabs, quick filter,
/// sort, and the account actions (AC-5 as far as built).
final class AccountListScreen: SinglePaneScreen {
    static let views: [(title: String, view: AccountQuery.View)] = [
        ("All accounts", .all), ("My accounts", .mine), ("Favourites", .favourites),
    ]

    let section = Section.accounts
    let accounts: RecordListPane<AccountRepository>
    var pane: Pane { accounts }

    init(app: AppController) {
        let list = QueryList(query: AccountQuery(), sorts: [
            SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "city", sort: .city, column: "City"),
            SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
        ], noun: "accounts", filterList: .accounts, app: app) { $0.session.accounts }
        accounts = RecordListPane(list: list, created: .account, widen: { $0.view = .all }, name: \.displayName,
                                  rowCommands: Self.rowCommands, columns: Self.columns) { account in
            account.isFavourite ? "★" : (account.isPrivate ? "⚿" : (account.isKeyAccount ? "◆" : " "))
        }
        accounts.host = self
        accounts.hostCommands = { [unowned self] _ in
            [Command(.tabNext, [.sidebar]) { self.showView(by: 1, app: $0) }, Command(.tabPrev) { self.showView(by: -1, app: $0) }]
        }
    }

    var breadcrumb: String { "Accounts" }
    var tabs: [String] { Self.views.map(\.title) }
    var activeTab: Int { Self.views.firstIndex { $0.view == accounts.list.query.view } ?? 0 }

    private func showView(by step: Int, app: AppController) {
        let next = Self.views[(activeTab + step + Self.views.count) % Self.views.count].view
        accounts.list.update(app: app) { $0.view = next }
    }

    private static func rowCommands(for account: Account?, host: Screen) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(AccountForm.create(app: app)) }]
            + AccountActions.commands(for: account, at: .list, from: host)
    }

    private static func columns(app: AppController) -> [TableColumn<Account>] {
        let session = app.session
        return [
            TableColumn("Name", minWidth: 24, weight: 4) { $0.displayName },
            TableColumn("Type", minWidth: 7) { session.accountTypeName($0.typeID) },
            TableColumn("City", minWidth: 10, weight: 1) { $0.city },
            TableColumn("Country", minWidth: 7) { $0.country },
            TableColumn("Manager", minWidth: 10, weight: 1) { session.userName($0.accountManagerID) },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 13) { $0.phone },
        ]
    }
}
