import CRMCore
import CRMStore
import TerminalUI

/// The leads no splitter filter took and that are not archived (LP-6), newest first through
/// `leads_unsplit`, with the lead list's filter, saved filters and columns, and the fields a
/// splitter filter is usually written on (country, source, value, score). Enter edits a lead.
final class UnprocessedLeadsScreen: SinglePaneScreen {
    let section = Section.leads
    let leads: RecordListPane<LeadRepository>
    var pane: Pane { leads }

    init(app: AppController) {
        let list = QueryList(query: LeadQuery(view: .unprocessed), sorts: [
            SortChoice(title: "newest", sort: .created, column: "Received", startsAscending: false), SortChoice(title: "name", sort: .name, column: "Name"),
        ], noun: "unprocessed leads", filterList: .leads, app: app) { $0.session.leads }
        leads = RecordListPane(list: list, created: .lead, widen: { _ in }, name: \.displayName,
                               rowCommands: Self.rowCommands, columns: Self.columns)
        leads.host = self
    }

    var breadcrumb: String { "Leads › Splitter control › Unprocessed" }

    private static func rowCommands(for lead: Lead?, host: Screen) -> [Command] {
        let edit = { (lead: Lead, app: AppController) in app.push(LeadForm.edit(lead, app: app)) }
        return [
            Command.on(lead, .recordEdit, [.sidebar], missing: "There is no lead here", action: edit),
            Command.on(lead, .recordOpen, missing: "There is no lead here", action: edit),
        ]
    }

    private static func columns(app: AppController) -> [TableColumn<Lead>] {
        let session = app.session
        return [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Company", minWidth: 12, weight: 2) { $0.company },
            TableColumn("Country", minWidth: 7) { $0.country },
            TableColumn("Source", minWidth: 10, weight: 1) { $0.source },
            TableColumn("Value", minWidth: 15, alignRight: true) { $0.value.map(MoneyDisplay.text) ?? "" },
            TableColumn("Score", minWidth: 5, alignRight: true) { $0.score.map(String.init) ?? "" },
            TableColumn("Received", minWidth: 16) { DateText.format($0.createdAt) },
            TableColumn("Status", minWidth: 10) { $0.statusName },
            TableColumn("Assignee", minWidth: 10, weight: 1) { session.userName($0.assigneeID) },
        ]
    }
}
