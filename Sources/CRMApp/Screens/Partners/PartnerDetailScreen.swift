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
        case .activities: activities.contexts + [.partner, .detail]
        case .data, .history: [.partner, .detail]
        }
    }
    var isTyping: Bool { tab == .opportunities && opportunities.isTyping }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        tab == .opportunities ? opportunities.handleKey(event, app: app) : false
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        switch (record.entity, tab) {
        case (.salesActivity, .activities): _ = activities.reveal(record, app: app)
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

    func commands(app: AppController) -> [Command] {
        let tabs = Command.tabSteps { [unowned self] step in
            tab = Tab(rawValue: (tab.rawValue + step + Tab.allCases.count) % Tab.allCases.count)!
            scroll.reset()
            reload(app: app)
        }
        let actions = PartnerActions.commands(for: partner, fromList: false, from: self)
        let menu = Command.contextMenu(titled: partner?.name)
        switch tab {
        case .consultants:
            return consultantCommands() + tabs + actions.map { $0.placed([.menu]) } + [menu.placed([])]
        case .opportunities:
            return opportunities.commands(app: app, from: self, tabs: tabs) + actions.map { $0.placed([]) }
        case .activities:
            return activities.commands(app: app) + tabs + actions.map { $0.placed([.menu]) } + [menu.placed([])]
        case .data, .history:
            return actions + tabs + [menu] + DetailScroll.commands { [unowned self] in _ = scroll.scroll($0) }
        }
    }

    /// The Consultants tab: move, add (`N`, `n`), open or edit the contact, remove the link
    /// (`x`, `D`; the contact stays).
    private func consultantCommands() -> [Command] {
        let selected = consultants.indices.contains(selectedConsultant) ? consultants[selectedConsultant] : nil
        let missing = "There is no consultant here"
        let add = Command.on(partner, .partnerConsultantNew, [.sidebar], missing: "This partner no longer exists") { partner, app in
            app.push(ContactForm.createConsultant(of: partner, app: app))
        }
        let remove = Command.on(selected, .partnerConsultantRemove, [.sidebar], missing: missing) { [unowned self] contact, app in
            guard let partner else { return }
            app.confirm("Remove \(contact.displayName) from the consultants of \(partner.name)?",
                        detail: "The personal contact stays.") { app in
                if app.attempt("Could not remove the consultant", {
                    try app.session.partners.removeConsultant(partnerID: partner.id, contactID: contact.id)
                }) != nil {
                    app.show(message: "\(contact.displayName) is no longer a consultant of \(partner.name)")
                }
                self.reload(app: app)
            }
        }
        let step = { [unowned self] (offset: Int) in
            selectedConsultant = min(max(0, selectedConsultant + offset), max(0, consultants.count - 1))
        }
        return [
            add,
            Command.on(selected, .recordOpen, [.sidebar], missing: missing) { contact, app in
                app.push(ContactDetailScreen(contactID: contact.id, app: app))
            },
            Command.on(selected, .recordEdit, [.sidebar], missing: missing) { contact, app in app.push(ContactForm.edit(contact, app: app)) },
            remove,
            add.placed([]).renamed(.recordNew),
            remove.placed([]).renamed(.recordDelete),
            Command(.cursorDown) { _ in step(1) },
            Command(.cursorUp) { _ in step(-1) },
        ]
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let partner else {
            buffer.write("This partner no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let theme = app.theme
        switch tab {
        case .data:
            DetailRows.render(PartnerPresenter.rows(partner, summary: summary, rates: rates, session: app.session),
                              multiline: ["Note"], scroll: &scroll, into: &buffer, rect: inner, theme: theme)
        case .consultants:
            let key = app.bindings.keyLabel(for: .recordNew, in: contexts) ?? ":"
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
