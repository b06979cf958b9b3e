import CRMCore
import CRMStore
import TerminalUI

/// The lead views of LD-2 (Open, No touch, Incoming, Call on, Free pool, My leads, Archived),
/// the first tab of the Leads section (`LeadTabs`): newest first, filter, saved filters, columns;
/// new, edit, archive and unarchive. The first column marks duplicates of an earlier lead (≈,
/// LP-7) and high (↑) or urgent (!) priority.
final class LeadListScreen: Screen {
    /// The views in Tab order; the first seven have the digits 1–7, Closed and All only Tab and `v`.
    static let views: [LeadQuery.View] = [.open, .noTouch, .incoming, .callOn, .freePool, .mine, .archived, .closed, .all]

    let section = Section.leads
    private let list: QueryList<LeadRepository>

    init(app: AppController, view: LeadQuery.View = .open) {
        list = QueryList(query: LeadQuery(view: view), sorts: [
            SortChoice(title: "newest", sort: .created, column: "Received", startsAscending: false), SortChoice(title: "name", sort: .name, column: "Name"),
        ], noun: "leads", filterList: .leads, app: app) { $0.session.leads }
    }

    var breadcrumb: String { "Leads › " + list.query.view.title }
    var tabs: [String] { LeadTabs.titles(view: list.query.view) }
    var activeTab: Int { 0 }
    var contexts: [KeyContext] { [.lead, .list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func commands(app: AppController) -> [Command] {
        let lead = list.selected
        return [Command(.recordNew, [.sidebar]) { app in app.push(LeadForm.create(app: app)) }]
            + LeadActions.commands(for: lead, at: .list, from: self)
            + [Command.contextMenu(titled: lead?.displayName)]
            + list.commands(app: app)
            + LeadTabs.commands(at: .view(list.query.view), view: list.query.view)
    }

    func reload(app: AppController) { list.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .lead else { return false }
        list.reveal(id: record.id, app: app) { $0.view = .all }
        return true
    }

    /// Switches to another lead view, keeping the filter and sort.
    func show(_ view: LeadQuery.View, app: AppController) {
        list.update(app: app) { $0.view = view }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        list.render(columns: [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Company", minWidth: 12, weight: 2) { $0.company },
            TableColumn("Status", minWidth: 10) { $0.statusName },
            TableColumn("Received", minWidth: 16) { DateText.format($0.createdAt) },
            TableColumn("Source", minWidth: 10, weight: 1) { $0.source },
            TableColumn("Assignee", minWidth: 10, weight: 1) { session.userName($0.assigneeID) },
            TableColumn("Value", minWidth: 15, alignRight: true) { $0.value.map(MoneyDisplay.text) ?? "" },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Shares", minWidth: 16, weight: 1, hiddenByDefault: true) { $0.history.shares },
        ], into: &buffer, rect: rect, app: app, contexts: contexts) { lead in
            lead.duplicateOfID != nil ? "≈" : lead.priority == .urgent ? "!" : lead.priority == .high ? "↑" : " "
        }
    }
}
