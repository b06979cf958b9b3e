import CRMCore
import TerminalUI

/// One account with tabs: its data, its people (personal contacts), its opportunities, its sales
/// activities with those of its opportunities (SA-2) and its history (AC-4, ST-6).
final class AccountDetailScreen: Screen {
    enum Tab: Int, CaseIterable {
        case data, people, opportunities, activities, history
        var title: String { ["Data", "People", "Opportunities", "Activities", "History"][rawValue] }
    }

    let section = Section.accounts
    let accountID: Int64
    private var account: Account?
    private var tab = Tab.data
    private var scroll = DetailScroll()
    private var history: [JournalEntry] = []
    private let people: ListPane<ContactSource>
    private let activities: ActivityTimeline
    private let opportunities: OpportunityList

    init(accountID: Int64, app: AppController) {
        self.accountID = accountID
        activities = ActivityTimeline(target: .account(accountID), app: app)
        opportunities = OpportunityList(view: .ofAccount(accountID), app: app) { app in
            OpportunityForm.create(app: app, account: try? app.session.accounts.get(id: accountID))
        }
        people = ListPane(source: ContactSource(repository: app.session.contacts,
                                                query: ContactQuery(view: .ofAccount(accountID))), noun: "people")
        reload(app: app)
    }

    var breadcrumb: String { "Accounts › " + (account?.displayName ?? "#\(accountID)") }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    var contexts: [KeyContext] {
        switch tab {
        case .activities: ActivityTimeline.contexts + [.detail]
        case .opportunities: [.opportunity, .list, .detail]
        default: [.detail]
        }
    }
    var isTyping: Bool { tab == .opportunities && opportunities.isTyping }
    var sidebarActions: [CommandID] {
        if tab == .activities { return ActivityTimeline.sidebarActions + ["tab.next"] }
        if tab == .opportunities { return OpportunityList.sidebarActions }
        return ["detail.edit", "detail.favourite", "detail.contact.new", "detail.delete", "detail.tab.next", "detail.menu"]
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        switch (record.entity, tab) {
        case (.salesActivity, .activities): activities.reveal(id: record.id, app: app)
        case (.opportunity, .opportunities): opportunities.reveal(id: record.id, app: app)
        default: return false
        }
        return true
    }

    func reload(app: AppController) {
        guard app.reread(&account, "account", { try app.session.accounts.get(id: accountID) }) else { return }
        switch tab {
        case .data: break
        case .people: people.reload(app: app)
        case .activities: activities.reload(app: app)
        case .opportunities: opportunities.reload(app: app)
        case .history:
            history = HistoryView.load(.account, id: accountID, app: app)
        }
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        tab == .opportunities ? opportunities.handleKey(event, app: app) : false
    }

    func offers(_ command: CommandID) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev", "tab.next", "tab.prev": true
        case _ where DetailScroll.commands.contains(command): true
        case "detail.open": tab == .people || tab == .opportunities  // the selected person or opportunity
        default:
            (tab == .activities && activities.commands.contains(command))
                || (tab == .opportunities && opportunities.commands.contains(command))
                || AccountActions.commands.contains(command)
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if tab == .activities, activities.handle(command, app: app) { return true }
        if tab == .opportunities, command != "tab.next", command != "tab.prev",
           opportunities.handle(command, app: app, from: self) {
            return true
        }
        switch command {
        case "detail.tab.next", "detail.tab.prev", "tab.next", "tab.prev":
            let step = command.rawValue.hasSuffix("next") ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            scroll.reset()
            if tab == .people { people.replaceSource(people.source, app: app) }
            reload(app: app)
            return true
        case _ where DetailScroll.commands.contains(command):
            if tab == .people {
                return people.handle(Self.peopleCursor[command] ?? command, app: app) { _ in }
            }
            return scroll.scroll(command)
        case "detail.open":
            guard tab == .people else { return false }
            if let contact = people.selected {
                app.push(ContactDetailScreen(contactID: contact.id, app: app))
            }
            return true
        default:
            guard let account else { return false }
            return AccountActions.run(command, on: account, app: app, from: self)
        }
    }

    /// On the People tab the scrolling keys move the selected person.
    private static let peopleCursor: [CommandID: CommandID] = [
        "detail.down": "cursor.down", "detail.up": "cursor.up",
        "detail.page.down": "cursor.page.down", "detail.page.up": "cursor.page.up",
    ]

    /// Reads the rows of a list tab that fit in the pane.
    func refresh(in rect: Rect, app: AppController) {
        guard account != nil else { return }
        let inner = rect.inset(dx: 1, dy: 0)
        switch tab {
        case .people: people.refresh(in: inner, app: app)
        case .activities: activities.refresh(in: inner, app: app)
        case .opportunities: opportunities.refresh(in: inner, app: app)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let account else {
            buffer.write("This account no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = rect.inset(dx: 1, dy: 0)
        switch tab {
        case .data:
            DetailRows.render(AccountPresenter.rows(account, session: app.session), multiline: ["Note"], scroll: &scroll,
                              into: &buffer, rect: inner, theme: app.theme)
        case .people:
            let columns: [TableColumn<PersonalContact>] = [
                TableColumn("Name", minWidth: 18, weight: 2) { $0.displayName },
                TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
                TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
                TableColumn("Phone", minWidth: 14) { $0.phone },
            ]
            people.render(columns: columns, sortColumn: 0, ascending: true, into: &buffer, rect: inner,
                          theme: app.theme, filterKey: nil)
        case .activities:
            activities.render(into: &buffer, rect: inner, app: app)
        case .opportunities:
            opportunities.render(into: &buffer, rect: inner, app: app, contexts: contexts)
        case .history:
            HistoryView.render(history, scroll: &scroll, into: &buffer, rect: inner, theme: app.theme)
        }
    }
}
