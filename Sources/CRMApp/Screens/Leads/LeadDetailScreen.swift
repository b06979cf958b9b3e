import CRMCore
import CRMStore
import TerminalUI

/// One lead with its Overview, Activities (LD-10) and History tabs, and the lead actions
/// (LD-5…LD-9) in the sidebar and the context menu.
final class LeadDetailScreen: RecordScreen<Lead> {
    let leadID: Int64

    init(leadID: Int64, app: AppController) {
        self.leadID = leadID
        super.init(section: .leads, trail: "Leads", noun: "lead", placeholder: "#\(leadID)", contexts: [.lead, .detail],
                   read: { try $0.session.leads.get(id: leadID) }, name: \.displayName)
        panes = [
            Tab(title: "Overview", pane: LeadOverviewPane { [unowned self] in record }),
            Tab(title: "Activities", pane: ActivityTimeline(target: .lead(leadID), app: app)),
            Tab(title: "History", pane: HistoryPane(.lead, id: leadID)),
        ]
        reload(app: app)
    }

    var lead: Lead? { record }

    override func actions(on record: Lead?) -> [Command] {
        LeadActions.commands(for: record, at: .detail, from: self)
    }
}

/// The Overview tab of a lead: its rows (`LeadOverview`), with Enter on a linked row opening
/// what the lead became or was added to.
final class LeadOverviewPane: Pane {
    private let lead: () -> Lead?
    private var overview = LeadOverview()

    init(lead: @escaping () -> Lead?) {
        self.lead = lead
    }

    func commands(app: AppController) -> [Command] {
        DetailScroll.commands { [unowned self] in _ = overview.move($0) } + [
            Command.on(overview.selectedLink, .recordOpen,
                       missing: "Select what the lead became (an account, a contact, an opportunity) to open it") { link, app in
                switch link {
                case .account(let id): app.push(AccountDetailScreen(accountID: id, app: app))
                case .contact(let id): app.push(ContactDetailScreen(contactID: id, app: app))
                case .opportunity(let id): app.push(OpportunityDetailScreen(opportunityID: id, app: app))
                case .lead(let id): app.push(LeadDetailScreen(leadID: id, app: app))
                }
            },
        ]
    }

    func reload(app: AppController) {
        guard let lead = lead() else { return }
        let shares = app.attempt("Could not read the splitter shares") { try app.session.leadSplitter.shares(leadID: lead.id) } ?? []
        overview.update(lead, shares: shares, session: app.session)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        overview.render(into: &buffer, rect: rect, theme: app.theme)
    }
}
