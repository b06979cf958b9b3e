import CRMCore
import CRMStore
import TerminalUI

/// One partner with tabs (PA-1): its data with results and forecast, its consultants, the
/// opportunities assigned to it, its sales activities (SA-2) and its history (ST-6); the PA-2
/// actions in the sidebar and the context menu.
final class PartnerDetailScreen: Screen {
    enum Tab: Int, CaseIterable {
        case data, consultants, opportunities, activities, history
        var title: String { ["Data", "Consultants", "Opportunities", "Activities", "History"][rawValue] }
    }

    let section = Section.partners
    let partnerID: Int64
    private(set) var partner: Partner?
    private var tab = Tab.data
    private var scroll = DetailScroll()
    private var summary: PipelineSummary?
    private var rates: ExchangeRateTable?
    private var consultants: [PersonalContact] = []
    private var selectedConsultant = 0
    private var history: [JournalEntry] = []
    private let opportunities: OpportunityList
    private let activities: ActivityTimeline

    init(partnerID: Int64, app: AppController) {
        self.partnerID = partnerID
        opportunities = OpportunityList(view: .ofPartner(partnerID), app: app) { OpportunityForm.create(app: $0, partnerID: partnerID) }
        activities = ActivityTimeline(target: .partner(partnerID), app: app)
        reload(app: app)
    }

    var breadcrumb: String { "Partners › " + (partner?.name ?? "#\(partnerID)") }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    /// On the tabs with rows the list keys come first (n, e, D, Enter act on the rows).
    var contexts: [KeyContext] {
        switch tab {
        case .consultants: [.list, .partner, .detail]
        case .opportunities: [.opportunity, .list, .partner, .detail]
        case .activities: ActivityTimeline.contexts + [.partner, .detail]
        case .data, .history: [.partner, .detail]
        }
    }
    var isTyping: Bool { tab == .opportunities && opportunities.isTyping }
    var sidebarActions: [CommandID] {
        switch tab {
        case .consultants:
            return ["partner.consultant.new", "record.open", "record.edit", "partner.consultant.remove", "tab.next"]
        case .opportunities: return OpportunityList.sidebarActions
        case .activities: return ActivityTimeline.sidebarActions + ["tab.next"]
        case .data, .history:
            return ["detail.edit", "partner.consultant.new", "partner.opportunity.new", "partner.activity.new",
                    "detail.delete", "detail.tab.next", "detail.menu"]
        }
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        tab == .opportunities ? opportunities.handleKey(event, app: app) : false
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
        guard app.reread(&partner, "partner", { try app.session.partners.get(id: partnerID) }) else { return }
        let session = app.session
        switch tab {
        case .data:
            summary = app.attempt("Could not read the partner's results") {
                try session.opportunities.pipelineSummary(OpportunityQuery(view: .ofPartner(partnerID)))
            }
            rates = app.attempt("Could not read the exchange rates") { try session.moneySettings.table(on: CalendarDate.today()) }
        case .consultants:
            consultants = app.attempt("Could not read the consultants") { try session.partners.consultants(of: partnerID) } ?? []
            selectedConsultant = min(selectedConsultant, max(0, consultants.count - 1))
        case .opportunities: opportunities.reload(app: app)
        case .activities: activities.reload(app: app)
        case .history:
            history = HistoryView.load(.partner, id: partnerID, app: app)
        }
    }

    func offers(_ command: CommandID) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev", "tab.next", "tab.prev": true
        case _ where DetailScroll.commands.contains(command): true
        default:
            (tab == .consultants && Self.consultantCommands.contains(command))
                || (tab == .opportunities && opportunities.commands.contains(command))
                || (tab == .activities && activities.commands.contains(command))
                || (command != "detail.open" && PartnerActions.commands.contains(command))
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev", "tab.next", "tab.prev":
            let step = command.rawValue.hasSuffix("next") ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            scroll.reset()
            reload(app: app)
            return true
        default:
            break
        }
        switch tab {
        case .consultants where handleConsultant(command, app: app): return true
        case .opportunities where opportunities.handle(command, app: app, from: self): return true
        case .activities where activities.handle(command, app: app): return true
        default: break
        }
        switch command {
        case _ where DetailScroll.commands.contains(command):
            return scroll.scroll(command)
        default:
            guard let partner else { return false }
            return PartnerActions.run(command, on: partner, app: app, from: self)
        }
    }

    /// The Consultants tab: move, add (`n`), open or edit the contact, remove the link (`D`, `x`).
    /// The commands `handleConsultant` takes.
    private static let consultantCommands: Set<CommandID> = [
        "cursor.down", "cursor.up", "record.new", "record.open", "record.edit", "record.delete", "partner.consultant.remove",
    ]

    private func handleConsultant(_ command: CommandID, app: AppController) -> Bool {
        let selected = consultants.indices.contains(selectedConsultant) ? consultants[selectedConsultant] : nil
        switch command {
        case "cursor.down", "cursor.up":
            let step = command == "cursor.down" ? 1 : -1
            selectedConsultant = min(max(0, selectedConsultant + step), max(0, consultants.count - 1))
        case "record.new":
            return handle("partner.consultant.new", app: app)
        case "record.open":
            if let selected { app.push(ContactDetailScreen(contactID: selected.id, app: app)) }
        case "record.edit":
            if let selected { app.push(ContactForm.edit(selected, app: app)) }
        case "record.delete", "partner.consultant.remove":
            guard let selected, let partner else { return true }
            app.confirm("Remove \(selected.displayName) from the consultants of \(partner.name)?",
                        detail: "The personal contact stays.") { app in
                if app.attempt("Could not remove the consultant", {
                    try app.session.partners.removeConsultant(partnerID: partner.id, contactID: selected.id)
                }) != nil {
                    app.show(message: "\(selected.displayName) is no longer a consultant of \(partner.name)")
                }
                self.reload(app: app)
            }
        default:
            return false
        }
        return true
    }

    /// Reads the rows of a list tab that fit in the pane.
    func refresh(in rect: Rect, app: AppController) {
        guard partner != nil else { return }
        let inner = rect.inset(dx: 1, dy: 0)
        switch tab {
        case .opportunities: opportunities.refresh(in: inner, app: app)
        case .activities: activities.refresh(in: inner, app: app)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let partner else {
            buffer.write("This partner no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = rect.inset(dx: 1, dy: 0)
        let theme = app.theme
        switch tab {
        case .data:
            DetailRows.render(PartnerPresenter.rows(partner, summary: summary, rates: rates, session: app.session),
                              multiline: ["Note"], scroll: &scroll, into: &buffer, rect: inner, theme: theme)
        case .consultants:
            let key = app.bindings.keyLabel(for: "record.new", in: contexts) ?? ":"
            SelectableRows.render(consultants, selected: selectedConsultant,
                                  empty: "No consultants. Press \(key) to add a new one.", columns: [
                                      TableColumn("Name", minWidth: 18, weight: 2) { $0.displayName },
                                      TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
                                      TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
                                      TableColumn("Phone", minWidth: 14) { $0.phone },
                                  ], into: &buffer, rect: inner, theme: theme)
        case .opportunities:
            opportunities.render(into: &buffer, rect: inner, app: app, contexts: contexts)
        case .activities:
            activities.render(into: &buffer, rect: inner, app: app)
        case .history:
            HistoryView.render(history, scroll: &scroll, into: &buffer, rect: inner, theme: theme)
        }
    }
}
