import CRMCore
import CRMStore
import TerminalUI

/// The opportunity list (OP-3): views "All" and "Mine" as tabs beside the board, columns with
/// the status as a colour tag, sorts, the filter, and the OP-5 actions on the selected row.
final class OpportunityListScreen: SinglePaneScreen {
    static let views: [(title: String, view: OpportunityQuery.View)] = [
        ("All opportunities", .all), ("My opportunities", .mine),
    ]

    let section = Section.opportunities
    private let list: OpportunityList
    var pane: Pane { list }

    init(app: AppController, view: OpportunityQuery.View = .all) {
        list = OpportunityList(view: view, app: app)
        list.host = self
        list.hostCommands = { [unowned self] _ in
            [Command(.tabNext, [.sidebar]) { self.showTab(by: 1, app: $0) }, Command(.tabPrev) { self.showTab(by: -1, app: $0) }]
        }
    }

    var breadcrumb: String { "Opportunities" }
    var tabs: [String] { OpportunityTabs.titles }
    var activeTab: Int { 1 + (Self.views.firstIndex { $0.view == list.query.view } ?? 0) }
    var selectedOpportunity: Opportunity? { list.selected }

    private func showTab(by step: Int, app: AppController) {
        let tab = (activeTab + step + tabs.count) % tabs.count
        if tab == OpportunityTabs.boardIndex {
            OpportunityTabs.show(tab, app: app)
        } else {
            list.show(Self.views[tab - 1].view, app: app)
        }
    }
}

/// The columns opportunity tables show, shared by the list and an account's opportunities tab.
enum OpportunityColumnsView {
    static func columns(theme: Theme) -> [TableColumn<Opportunity>] {
        // The name gets the most room: it is what tells deals apart.
        [
            TableColumn("Name", minWidth: 22, weight: 4) { $0.name },
            TableColumn("Account", minWidth: 12, weight: 2) { $0.accountName ?? "" },
            TableColumn("Status", minWidth: 12, style: { theme.tag($0.statusColour) }) { $0.statusName },
            TableColumn("Amount", minWidth: 17, alignRight: true) { $0.amount.map(MoneyDisplay.text) ?? "" },
            TableColumn("Close", minWidth: 10) { $0.expectedClose?.description ?? "" },
            TableColumn("Owner", minWidth: 10, weight: 1) { $0.ownerName ?? "" },
            TableColumn("Prob.", minWidth: 5, alignRight: true) { "\($0.effectiveProbability)%" },
        ]
    }
}
