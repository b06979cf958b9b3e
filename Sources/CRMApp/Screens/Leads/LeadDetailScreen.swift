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
    var sidebarActions: [CommandID] {
        if tab == .activities { return ActivityTimeline.sidebarActions + ["tab.next"] }
        return ["detail.edit", "lead.qualify", "lead.disqualify", "lead.take", "lead.route", "lead.account.add", "lead.partner.add",
                "lead.activity.new", "lead.archive", "detail.anonymize", "detail.tab.next", "detail.menu"]
    }

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

    func offers(_ command: CommandID) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev": true
        case _ where DetailScroll.commands.contains(command): true
        case "detail.open": tab == .overview && overview.selectedLink != nil  // to what the lead became
        case "tab.next", "tab.prev": tab == .activities
        default: (tab == .activities && activities.commands.contains(command)) || LeadActions.commands.contains(command)
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if tab == .activities, command != "tab.next", command != "tab.prev", activities.handle(command, app: app) {
            return true
        }
        switch command {
        case "detail.tab.next", "detail.tab.prev", "tab.next", "tab.prev":
            let step = command.rawValue.hasSuffix("next") ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            historyScroll.reset()
            reload(app: app)
        case _ where DetailScroll.commands.contains(command):
            if tab == .history { _ = historyScroll.scroll(command) } else { _ = overview.move(command) }
        case "detail.open":
            guard tab == .overview, let link = overview.selectedLink else { return false }
            open(link, app: app)
        default:
            guard let lead else { return false }
            return LeadActions.run(command, on: lead, app: app, from: self)
        }
        return true
    }

    private func open(_ link: LeadLink, app: AppController) {
        switch link {
        case .account(let id): app.push(AccountDetailScreen(accountID: id, app: app))
        case .contact(let id): app.push(ContactDetailScreen(contactID: id, app: app))
        case .opportunity(let id): app.push(OpportunityDetailScreen(opportunityID: id, app: app))
        case .lead(let id): app.push(LeadDetailScreen(leadID: id, app: app))
        }
    }

    /// Reads the rows of a list tab that fit in the pane.
    func refresh(in rect: Rect, app: AppController) {
        guard lead != nil else { return }
        let inner = rect.inset(dx: 1, dy: 0)
        switch tab {
        case .activities: activities.refresh(in: inner, app: app)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard lead != nil else {
            buffer.write("This lead no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = rect.inset(dx: 1, dy: 0)
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
