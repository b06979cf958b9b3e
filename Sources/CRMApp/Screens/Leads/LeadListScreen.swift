import CRMCore
import CRMStore
import TerminalUI

/// The lead views of LD-2 as tabs (Open, No touch, Incoming, Call on, Free pool, My leads,
/// Archived): newest first, filter, saved filters, columns; new, edit, archive and unarchive.
/// The first column marks duplicates of an earlier lead (≈, LP-7) and high (↑) or urgent (!)
/// priority. Qualify, disqualify and the lead pages of LD-3 come with the rest of the leads issue.
final class LeadListScreen: Screen {
    static let views: [LeadQuery.View] = [.open, .noTouch, .incoming, .callOn, .freePool, .mine, .archived]

    let section = Section.leads
    private let list: QueryList<LeadRepository>

    init(app: AppController) {
        list = QueryList(query: LeadQuery(), sorts: [
            SortChoice(title: "newest", sort: .created, column: "Received"), SortChoice(title: "name", sort: .name, column: "Name"),
        ], noun: "leads", filterList: .leads, app: app) { $0.session.leads }
    }

    var breadcrumb: String { "Leads › " + list.query.view.title }
    var tabs: [String] { Self.views.map(\.title) }
    var activeTab: Int { Self.views.firstIndex(of: list.query.view) ?? 0 }
    var contexts: [KeyContext] { [.lead, .list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    var sidebarActions: [CommandID] {
        ["record.new", "record.open", "record.edit", "lead.qualify", "lead.take", "lead.archive", "lead.merge", "menu.context", "filter.edit",
         "filter.saved", "columns.choose", "sort.next", "tab.next"]
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if list.handle(command, app: app) { return true }
        switch command {
        case "tab.next", "tab.prev":
            let step = command == "tab.next" ? 1 : Self.views.count - 1
            let next = Self.views[(activeTab + step) % Self.views.count]
            list.update(app: app) { $0.view = next }
        case "record.new":
            app.push(LeadForm.create(app: app))
        case "lead.splitter":
            app.push(SplitterControlScreen(app: app))
        default:
            guard let lead = list.selected else { return false }
            return LeadActions.run(command, on: lead, app: app, from: self)
        }
        return true
    }

    func reload(app: AppController) { list.reload(app: app) }

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
