import CRMCore
import CRMStore
import TerminalUI

/// The opportunity list (OP-3): views "All" and "Mine" as tabs beside the board, columns with
/// the status as a colour tag, sorts, the filter, and the OP-5 actions on the selected row.
final class OpportunityListScreen: Screen {
    static let views: [(title: String, view: OpportunityQuery.View)] = [
        ("All opportunities", .all), ("My opportunities", .mine),
    ]

    let section = Section.opportunities
    private let list: QueryList<OpportunityRepository>
    /// Group totals of the grouped list, read once per query and data change.
    private var groupTotals = GroupTotals()

    init(app: AppController, view: OpportunityQuery.View = .all) {
        list = QueryList(query: OpportunityQuery(view: view), sorts: [
            SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
            SortChoice(title: "amount", sort: .amount, column: "Amount"), SortChoice(title: "expected close", sort: .close, column: "Close"),
            SortChoice(title: "last change", sort: .updated, column: nil),
        ], noun: "opportunities", filterList: .opportunities, app: app) { $0.session.opportunities }
    }

    var breadcrumb: String { "Opportunities" }
    var tabs: [String] { OpportunityTabs.titles }
    var activeTab: Int { 1 + (Self.views.firstIndex { $0.view == list.query.view } ?? 0) }
    var contexts: [KeyContext] { [.opportunity, .list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    var sidebarActions: [CommandID] {
        ["record.new", "record.open", "record.edit", "opportunity.activity.new", "opportunity.copy", "record.delete",
         "filter.edit", "filter.saved", "columns.choose", "sort.next", "list.group", "tab.next", "menu.context"]
    }
    var selectedOpportunity: Opportunity? { list.selected }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if list.handle(command, app: app) { return true }
        switch command {
        case "tab.next", "tab.prev":
            let count = tabs.count
            let tab = (activeTab + (command == "tab.next" ? 1 : count - 1)) % count
            if tab == OpportunityTabs.boardIndex {
                OpportunityTabs.show(tab, app: app)
            } else {
                list.update(app: app) { $0.view = Self.views[tab - 1].view }
            }
        case "record.new":
            app.push(OpportunityForm.create(app: app))
        case "list.group":
            let next: OpportunityQuery.Grouping = list.query.grouping == .none ? .status : .none
            list.update(app: app) { $0.grouping = next }
            app.show(message: next == .none ? "Not grouped" : "Grouped by status, with totals per group")
        default:
            guard let opportunity = list.selected else { return RecordCommands.needsSelection(command) }
            return OpportunityActions.run(command, on: opportunity, app: app, from: self)
        }
        return true
    }

    func reload(app: AppController) {
        groupTotals.invalidate()
        list.reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        var columns = OpportunityColumnsView.columns(theme: app.theme)
        if list.query.isGroupedByStatus {
            let labels = groupTotals.labels(for: list.pane.window.rows, query: list.query, app: app)
            columns.removeAll { $0.title == "Status" }
            let width = min(40, max(14, labels.values.map(DisplayWidth.of).max() ?? 0))
            columns.insert(TableColumn("Status group", minWidth: width,
                                       style: { app.theme.tag($0.statusColour) }) { labels[$0.id] ?? "" }, at: 0)
        }
        list.render(columns: columns, into: &buffer, rect: rect, app: app, contexts: contexts)
    }
}

/// The columns opportunity tables show, shared by the list and an account's opportunities tab.
enum OpportunityColumnsView {
    static func columns(theme: Theme, withAccount: Bool = true) -> [TableColumn<Opportunity>] {
        var columns = [TableColumn<Opportunity>("Name", minWidth: 20, weight: 3) { $0.name }]
        if withAccount {
            columns.append(TableColumn("Account", minWidth: 14, weight: 2) { $0.accountName ?? "" })
        }
        columns += [
            TableColumn("Status", minWidth: 13, style: { theme.tag($0.statusColour) }) { $0.statusName },
            TableColumn("Amount", minWidth: 16, alignRight: true) { $0.amount.map(MoneyDisplay.text) ?? "" },
            TableColumn("Close", minWidth: 10) { $0.expectedClose?.description ?? "" },
            TableColumn("Owner", minWidth: 10, weight: 1) { $0.ownerName ?? "" },
            TableColumn("Prob.", minWidth: 5, alignRight: true) { "\($0.effectiveProbability)%" },
        ]
        return columns
    }
}
