import CRMCore
import CRMStore
import TerminalUI

/// An opportunity list for any view (OP-3): the Opportunities section, a project's CRM view, an
/// account's and a partner's Opportunities tab all use it. Columns with the status as a colour tag, sorts, the filter language, saved
/// filters, grouping by status with per-group totals, and the OP-5 actions on the selected row.
final class OpportunityList {
    let list: QueryList<OpportunityRepository>
    /// The form `n` opens, prefilled with what the list is of (a project, account or partner).
    private let newForm: (AppController) -> FormScreen
    private var groupTotals = GroupTotals()

    static var sorts: [SortChoice<OpportunityQuery.Sort>] { [
        SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
        SortChoice(title: "amount", sort: .amount, column: "Amount", startsAscending: false), SortChoice(title: "expected close", sort: .close, column: "Close"),
        SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
    ] }

    static let sidebarActions: [CommandID] = [
        "record.new", "record.open", "record.edit", "opportunity.activity.new", "opportunity.copy", "record.delete",
        "filter.edit", "filter.saved", "columns.choose", "sort.next", "list.group", "tab.next", "menu.context",
    ]

    init(view: OpportunityQuery.View, app: AppController,
         newForm: @escaping (AppController) -> FormScreen = { OpportunityForm.create(app: $0) }) {
        self.newForm = newForm
        list = QueryList(query: OpportunityQuery(view: view), sorts: Self.sorts, noun: "opportunities",
                         filterList: .opportunities, app: app) { $0.session.opportunities }
    }

    var query: OpportunityQuery { list.query }
    var selected: Opportunity? { list.selected }
    var isTyping: Bool { list.pane.isEditingFilter }

    /// Selects an opportunity just created; "my opportunities" widens to all when it belongs to
    /// someone else, and a list of one account, project or partner only drops its filter.
    func reveal(id: Int64, app: AppController) {
        list.reveal(id: id, app: app) { if $0.view == .mine { $0.view = .all } }
    }

    func show(_ view: OpportunityQuery.View, app: AppController) {
        list.update(app: app) { $0.view = view }
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    /// List commands, grouping, new, and the actions on the selected opportunity.
    /// The commands `handle` takes.
    var commands: Set<CommandID> { list.commands.union(["record.new", "list.group"]).union(OpportunityActions.commands) }

    func handle(_ command: CommandID, app: AppController, from screen: Screen) -> Bool {
        if list.handle(command, app: app) { return true }
        switch command {
        case "record.new":
            app.push(newForm(app))
        case "list.group":
            let next: OpportunityQuery.Grouping = list.query.grouping == .none ? .status : .none
            list.update(app: app) { $0.grouping = next }
            app.show(message: next == .none ? "Not grouped" : "Grouped by status, with totals per group")
        default:
            guard let opportunity = list.selected else { return commands.contains(command) }
            return OpportunityActions.run(command, on: opportunity, app: app, from: screen)
        }
        return true
    }

    func reload(app: AppController) {
        groupTotals.invalidate()
        list.reload(app: app)
    }

    /// Reads the rows that fit in `rect`, and the group totals of a grouped list when the data
    /// or the query changed.
    func refresh(in rect: Rect, app: AppController) {
        list.refresh(in: rect, app: app)
        if list.query.isGroupedByStatus { groupTotals.refresh(list.query, app: app) }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController, contexts: [KeyContext]) {
        var columns = OpportunityColumnsView.columns(theme: app.theme)
        if list.query.isGroupedByStatus {
            let (labels, widest) = groupTotals.labels(for: list.pane.window.rows, compact: rect.width < 90,
                                                      statuses: app.session.statusList)
            let width = min(40, max(14, widest))
            columns.removeAll { $0.title == "Status" }
            columns.insert(TableColumn("Status group", minWidth: width,
                                       style: { app.theme.tag($0.statusColour) }) { labels[$0.id] ?? "" }, at: 0)
        }
        list.render(columns: columns, into: &buffer, rect: rect, app: app, contexts: contexts)
    }
}
