import CRMCore
import CRMStore
import TerminalUI

/// The lead views of LD-2 (Open, No touch, Incoming, Call on, Free pool, My leads, Archived),
/// the first tab of the Leads section (`LeadTabs`): newest first, filter, saved filters, columns;
/// new, edit, archive and unarchive. The first column marks duplicates of an earlier lead (≈,
/// LP-7) and high (↑) or urgent (!) priority.
final class LeadListScreen: SinglePaneScreen {
    /// The views in Tab order; the first seven have the digits 1–7, Closed and All only Tab and `v`.
    static let views: [LeadQuery.View] = [.open, .noTouch, .incoming, .callOn, .freePool, .mine, .archived, .closed, .all]

    let section = Section.leads
    let leads: RecordListPane<LeadRepository>
    var pane: Pane { leads }

    init(app: AppController, view: LeadQuery.View = .open) {
        let list = QueryList(query: LeadQuery(view: view), sorts: [
            SortChoice(title: "newest", sort: .created, column: "Received", startsAscending: false), SortChoice(title: "name", sort: .name, column: "Name"),
        ], noun: "leads", filterList: .leads, app: app) { $0.session.leads }
        leads = RecordListPane(list: list, contexts: [.lead, .list], created: .lead, widen: { $0.view = .all },
                               name: \.displayName, rowCommands: Self.rowCommands, columns: Self.columns) { lead in
            lead.duplicateOfID != nil ? "≈" : lead.priority == .urgent ? "!" : lead.priority == .high ? "↑" : " "
        }
        leads.host = self
        leads.hostCommands = { [unowned self] _ in LeadTabs.commands(at: .view(self.view), view: self.view) }
    }

    private var view: LeadQuery.View { leads.list.query.view }
    var breadcrumb: String { "Leads › " + view.title }
    var tabs: [String] { LeadTabs.titles(view: view) }

    /// Switches to another lead view, keeping the filter and sort.
    func show(_ view: LeadQuery.View, app: AppController) {
        leads.list.update(app: app) { $0.view = view }
    }

    private static func rowCommands(for lead: Lead?, host: Screen) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(LeadForm.create(app: app)) }]
            + LeadActions.commands(for: lead, at: .list, from: host)
    }

    private static func columns(app: AppController) -> [TableColumn<Lead>] {
        let session = app.session
        return [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Company", minWidth: 12, weight: 2) { $0.company },
            TableColumn("Status", minWidth: 10) { $0.statusName },
            TableColumn("Received", minWidth: 16) { DateText.format($0.createdAt) },
            TableColumn("Source", minWidth: 10, weight: 1) { $0.source },
            TableColumn("Assignee", minWidth: 10, weight: 1) { session.userName($0.assigneeID) },
            TableColumn("Value", minWidth: 15, alignRight: true) { $0.value.map(MoneyDisplay.text) ?? "" },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Shares", minWidth: 16, weight: 1, hiddenByDefault: true) { $0.history.shares },
        ]
    }
}
