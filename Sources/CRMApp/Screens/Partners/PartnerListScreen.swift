import CRMCore
import CRMStore
import TerminalUI

/// All partners (PA-1): the filter language, saved filters, columns, and the partner actions.
final class PartnerListScreen: SinglePaneScreen {
    let section = Section.partners
    let partners: RecordListPane<PartnerRepository>
    var pane: Pane { partners }

    init(app: AppController) {
        let list = QueryList(query: PartnerQuery(), sorts: [SortChoice(title: "name", sort: .name, column: "Name")],
                             noun: "partners", filterList: .partners, app: app) { $0.session.partners }
        // List keys first (n, e, D, Enter); the partner keys fill in where the list has none.
        partners = RecordListPane(list: list, contexts: [.list, .partner], created: .partner, widen: { _ in }, name: \.name,
                                  rowCommands: Self.rowCommands, columns: Self.columns)
        partners.host = self
    }

    var breadcrumb: String { "Partners" }
    var tabs: [String] { ["All partners"] }

    private static func rowCommands(for partner: Partner?, host: Screen) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(PartnerForm.create(app: app)) }]
            + PartnerActions.commands(for: partner, fromList: true, from: host)
    }

    private static func columns(app: AppController) -> [TableColumn<Partner>] {
        [
            TableColumn("Name", minWidth: 20, weight: 3) { $0.name },
            TableColumn("City", minWidth: 10, weight: 1) { $0.city },
            TableColumn("Country", minWidth: 10, weight: 1) { $0.country },
            TableColumn("Email", minWidth: 16, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ]
    }
}
