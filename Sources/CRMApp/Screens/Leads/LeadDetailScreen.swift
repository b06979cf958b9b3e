import CRMCore
import CRMStore
import TerminalUI

/// One lead with its Overview, Activities (LD-10) and History tabs, and the lead actions
/// (LD-5…LD-9) in the sidebar and the context menu.
final class LeadDetailScreen: Screen {
    enum Tab: Int, CaseIterable {
        case overview, activities, history
        var title: String { ["Overview", "Activities", "History"][rawValue] }
    }

    let section = Section.leads
    let leadID: Int64
    private(set) var lead: Lead?
    private var tab = Tab.overview
    private var overview = LeadOverview()
    private var history: [JournalEntry] = []
    private var historyScroll = DetailScroll()
    private let activities: ActivityTimeline

    init(leadID: Int64, app: AppController) {
        self.leadID = leadID
        activities = ActivityTimeline(target: .lead(leadID), app: app)
        reload(app: app)
    }

    var breadcrumb: String { "Leads › " + (lead?.displayName ?? "#\(leadID)") }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    /// On the activities tab the list keys come first (n, e, D, Enter act on the activities).
    var contexts: [KeyContext] { tab == .activities ? ActivityTimeline.contexts + [.lead, .detail] : [.lead, .detail] }
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .salesActivity, tab == .activities else { return false }
        activities.reveal(id: record.id, app: app)
        return true
    }

    func reload(app: AppController) {
        guard app.reread(&lead, "lead", { try app.session.leads.get(id: leadID) }), let lead else { return }
        switch tab {
        case .overview:
            let shares = app.attempt("Could not read the splitter shares") { try app.session.leadSplitter.shares(leadID: leadID) } ?? []
            overview.update(lead, shares: shares, session: app.session)
        case .activities:
            activities.reload(app: app)
        case .history:
            history = HistoryView.load(.lead, id: leadID, app: app)
        }
    }

    func commands(app: AppController) -> [Command] {
        let tabs = Command.tabSteps { [unowned self] step in
            tab = Tab(rawValue: (tab.rawValue + step + Tab.allCases.count) % Tab.allCases.count)!
            historyScroll.reset()
            reload(app: app)
        }
        let actions = LeadActions.commands(for: lead, at: .detail, from: self)
        let menu = Command.contextMenu(titled: lead?.displayName)
        if tab == .activities {
            return activities.commands(app: app) + tabs + actions.map { $0.placed([.menu]) } + [menu.placed([])]
        }
        let scroll = DetailScroll.commands { [unowned self] id in
            if tab == .history { _ = historyScroll.scroll(id) } else { _ = overview.move(id) }
        }
        let link = Command.on(tab == .overview ? overview.selectedLink : nil, .recordOpen,
                              missing: "Select what the lead became (an account, a contact, an opportunity) to open it") {
            [unowned self] link, app in open(link, app: app)
        }
        return actions + tabs + [menu] + scroll + [link]
    }

    private func open(_ link: LeadLink, app: AppController) {
        switch link {
        case .account(let id): app.push(AccountDetailScreen(accountID: id, app: app))
        case .contact(let id): app.push(ContactDetailScreen(contactID: id, app: app))
        case .opportunity(let id): app.push(OpportunityDetailScreen(opportunityID: id, app: app))
        case .lead(let id): app.push(LeadDetailScreen(leadID: id, app: app))
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard lead != nil else {
            buffer.write("This lead no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        switch tab {
        case .overview:
            overview.render(into: &buffer, rect: inner, theme: app.theme)
        case .activities:
            activities.render(into: &buffer, rect: inner, app: app)
        case .history:
            HistoryView.render(history, scroll: &historyScroll, into: &buffer, rect: inner, theme: app.theme)
        }
    }
}
