import CRMCore
import CRMStore
import TerminalUI

/// The leads no splitter filter took and that are not archived (LP-6), newest first through
/// `leads_unsplit`, with the lead list's filter, saved filters and columns, and the fields a
/// splitter filter is usually written on (country, source, value, score). Enter edits a lead.
final class UnprocessedLeadsScreen: Screen {
    let section = Section.leads
    private let list: QueryList<LeadRepository>

    init(app: AppController) {
        list = QueryList(query: LeadQuery(view: .unprocessed), sorts: [
            SortChoice(title: "newest", sort: .created, column: "Received", startsAscending: false), SortChoice(title: "name", sort: .name, column: "Name"),
        ], noun: "unprocessed leads", filterList: .leads, app: app) { $0.session.leads }
    }

    var breadcrumb: String { "Leads › Splitter control › Unprocessed" }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func commands(app: AppController) -> [Command] {
        let edit = { (lead: Lead, app: AppController) in app.push(LeadForm.edit(lead, app: app)) }
        return [
            Command.on(list.selected, .recordEdit, [.sidebar], missing: "There is no lead here", action: edit),
            Command.on(list.selected, .recordOpen, missing: "There is no lead here", action: edit),
        ] + list.commands(app: app)
    }

    func reload(app: AppController) { list.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        list.render(columns: [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Company", minWidth: 12, weight: 2) { $0.company },
            TableColumn("Country", minWidth: 7) { $0.country },
            TableColumn("Source", minWidth: 10, weight: 1) { $0.source },
            TableColumn("Value", minWidth: 15, alignRight: true) { $0.value.map(MoneyDisplay.text) ?? "" },
            TableColumn("Score", minWidth: 5, alignRight: true) { $0.score.map(String.init) ?? "" },
            TableColumn("Received", minWidth: 16) { DateText.format($0.createdAt) },
            TableColumn("Status", minWidth: 10) { $0.statusName },
            TableColumn("Assignee", minWidth: 10, weight: 1) { session.userName($0.assigneeID) },
        ], into: &buffer, rect: rect, app: app, contexts: contexts)
    }
}
