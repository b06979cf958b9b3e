import CRMCore
import CRMStore
import TerminalUI

/// An opportunity list for any view (OP-3): the Opportunities section, a project's CRM view, an
/// account's and a partner's Opportunities tab all use it. Columns with the status as a colour tag, sorts, the filter language, saved
/// filters, grouping by status with per-group totals, and the OP-5 actions on the selected row.
final class OpportunityList: Pane {
    let list: QueryList<OpportunityRepository>
    /// The form `n` opens, prefilled with what the list is of (a project, account or partner).
    private let newForm: (AppController) -> FormScreen
    private var groupTotals = GroupTotals()

    static var sorts: [SortChoice<OpportunityQuery.Sort>] { [
        SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
        SortChoice(title: "amount", sort: .amount, column: "Amount", startsAscending: false), SortChoice(title: "expected close", sort: .close, column: "Close"),
        SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
    ] }

    /// The screen the list is shown on, which its actions reload (or leave, after a delete).
    weak var host: Screen?

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
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .opportunity else { return false }
        reveal(id: record.id, app: app)
        return true
    }

    func reveal(id: Int64, app: AppController) {
        list.reveal(id: id, app: app) { if $0.view == .mine { $0.view = .all } }
    }

    func show(_ view: OpportunityQuery.View, app: AppController) {
        list.update(app: app) { $0.view = view }
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    let contexts: [KeyContext] = [.opportunity, .list]

    /// As a tab of a record's screen (an account's, a partner's opportunities): the screen adds
    /// its Tab keys.
    func commands(app: AppController) -> [Command] {
        guard let host else { return [] }
        return commands(app: app, from: host, tabs: [])
    }

    /// New, the actions on the selected opportunity, the list commands, grouping, then `tabs`
    /// (the host screen's Tab keys) and the context menu.
    func commands(app: AppController, from screen: Screen, tabs: [Command]) -> [Command] {
        let opportunity = list.selected
        return [Command(.recordNew, [.sidebar]) { [newForm] app in app.push(newForm(app)) }]
            + OpportunityActions.commands(for: opportunity, at: .list, from: screen)
            + list.commands(app: app)
            + [Command(.listGroup, [.sidebar]) { [unowned self] app in
                let next: OpportunityQuery.Grouping = list.query.grouping == .none ? .status : .none
                list.update(app: app) { $0.grouping = next }
                app.show(message: next == .none ? "Not grouped" : "Grouped by status, with totals per group")
            }]
            + tabs + [Command.contextMenu(titled: opportunity?.name)]
    }

    func reload(app: AppController) {
        groupTotals.invalidate()
        list.reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        render(into: &buffer, rect: rect, app: app, contexts: contexts)
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
