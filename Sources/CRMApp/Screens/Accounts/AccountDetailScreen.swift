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
        case .activities: activities.contexts + [.detail]
        case .opportunities: [.opportunity, .list, .detail]
        default: [.detail]
        }
    }
    var isTyping: Bool { tab == .opportunities && opportunities.isTyping }
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        switch (record.entity, tab) {
        case (.salesActivity, .activities): _ = activities.reveal(record, app: app)
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

    func commands(app: AppController) -> [Command] {
        let tabs = Command.tabSteps { [unowned self] step in
            tab = Tab(rawValue: (tab.rawValue + step + Tab.allCases.count) % Tab.allCases.count)!
            scroll.reset()
            if tab == .people { people.replaceSource(people.source, app: app) }
            reload(app: app)
        }
        let actions = AccountActions.commands(for: account, at: .detail, from: self)
        let menu = Command.contextMenu(titled: account?.displayName)
        switch tab {
        case .activities:
            return activities.commands(app: app) + tabs + actions.map { $0.placed([.menu]) } + [menu.placed([])]
        case .opportunities:
            return opportunities.commands(app: app, from: self, tabs: tabs) + actions.map { $0.placed([]) }
        case .people:
            // The scrolling keys move the selected person; Enter opens them.
            let moves = people.commands { _ in }.filter { [.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp].contains($0.id) }
            let open = Command.on(people.selected, .recordOpen, missing: "There is nobody here to open") { contact, app in
                app.push(ContactDetailScreen(contactID: contact.id, app: app))
            }
            return moves + [open] + actions + tabs + [menu]
        case .data, .history:
            return actions + tabs + [menu] + DetailScroll.commands { [unowned self] in _ = scroll.scroll($0) }
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let account else {
            buffer.write("This account no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
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
