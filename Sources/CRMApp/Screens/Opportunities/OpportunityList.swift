import CRMCore
import CRMStore
import TerminalUI

/// An opportunity list for any view (OP-3): the Opportunities section, a project's CRM view, an
/// account's and a partner's Opportunities tab all use it. The record-list pane with columns
/// that show the status as a colour tag, and grouping by status with per-group totals.
final class OpportunityList: RecordListPane<OpportunityRepository> {
    private var groupTotals = GroupTotals()

    static var sorts: [SortChoice<OpportunityQuery.Sort>] { [
        SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
        SortChoice(title: "amount", sort: .amount, column: "Amount", startsAscending: false), SortChoice(title: "expected close", sort: .close, column: "Close"),
        SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
    ] }

    /// `newForm` is the form `n` opens, prefilled with what the list is of (a project, account or
    /// partner). A created opportunity is selected: "my opportunities" widens to all when it
    /// belongs to someone else, and a list of one account, project or partner drops its filter.
    init(view: OpportunityQuery.View, app: AppController,
         newForm: @escaping (AppController) -> FormScreen = { OpportunityForm.create(app: $0) }) {
        let list = QueryList(query: OpportunityQuery(view: view), sorts: Self.sorts, noun: "opportunities",
                             filterList: .opportunities, app: app) { $0.session.opportunities }
        super.init(list: list, contexts: [.opportunity, .list], created: .opportunity,
                   widen: { if $0.view == .mine { $0.view = .all } }, name: \.name,
                   rowCommands: { opportunity, host in
                       [Command(.recordNew, [.sidebar]) { app in app.push(newForm(app)) }]
                           + OpportunityActions.commands(for: opportunity, at: .list, from: host)
                   }, columns: { app in OpportunityColumnsView.columns(theme: app.theme) })
    }

    var query: OpportunityQuery { list.query }

    func show(_ view: OpportunityQuery.View, app: AppController) {
        list.update(app: app) { $0.view = view }
    }

    override func listCommands(app: AppController) -> [Command] {
        super.listCommands(app: app) + [
            Command(.listGroup, [.sidebar]) { [unowned self] app in
                let next: OpportunityQuery.Grouping = list.query.grouping == .none ? .status : .none
                list.update(app: app) { $0.grouping = next }
                app.show(message: next == .none ? "Not grouped" : "Grouped by status, with totals per group")
            },
        ]
    }

    override func reload(app: AppController) {
        groupTotals.invalidate()
        super.reload(app: app)
    }

    /// Also the group totals of a grouped list, when the data or the query changed.
    override func refresh(in rect: Rect, app: AppController) {
        super.refresh(in: rect, app: app)
        if list.query.isGroupedByStatus { groupTotals.refresh(list.query, app: app) }
    }

    /// Grouped by status, the first column names the group and its total.
    override func columns(in rect: Rect, app: AppController) -> [TableColumn<Opportunity>] {
        var columns = super.columns(in: rect, app: app)
        guard list.query.isGroupedByStatus else { return columns }
        let (labels, widest) = groupTotals.labels(for: list.pane.window.rows, compact: rect.width < 90,
                                                  statuses: app.session.statusList)
        columns.removeAll { $0.title == "Status" }
        columns.insert(TableColumn("Status group", minWidth: min(40, max(14, widest)),
                                   style: { app.theme.tag($0.statusColour) }) { labels[$0.id] ?? "" }, at: 0)
        return columns
    }
}
