import CRMCore
import TerminalUI

/// The settings tab of opportunity statuses (OP-2, ST-5): board order, name with its colour
/// tag, kind, default probability and the fields an opportunity needs to enter the status.
final class StatusesPage: SettingsPage {
    let title = "Statuses"
    let longTitle = "Opportunity statuses"
    private var rows: [OpportunityStatus] = []

    var rowCount: Int { rows.count }

    func reload(app: AppController) {
        rows = app.attempt("Could not read the statuses") { try app.session.opportunityStatuses.list() } ?? rows
        app.session.refreshTypes()
    }

    private var actions: SettingsRowActions<OpportunityStatus> {
        SettingsRowActions(
            noun: "status", name: \.name, form: { row, app in StatusForm.make(editing: row, app: app) },
            delete: { row, app in try app.session.opportunityStatuses.delete(id: row.id, expectedVersion: row.version) },
            reorder: { ids, app in _ = try app.session.opportunityStatuses.reorder(ids) },
            reload: { [unowned self] app in reload(app: app) })
    }

    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        actions.commands(rows: rows, selected: selected, select: select)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        let columns: [TableColumn<OpportunityStatus>] = [
            TableColumn("Order", minWidth: 5, alignRight: true) { String($0.position) },
            TableColumn("Status", minWidth: 14, weight: 1) { $0.name },
            TableColumn("Colour", minWidth: 7) { $0.colour.rawValue },
            TableColumn("Kind", minWidth: 4) { $0.kind.title },
            TableColumn("Prob.", minWidth: 5, alignRight: true) { "\($0.probability)%" },
            TableColumn("Required to enter", minWidth: 17, weight: 4) { StatusForm.requiredText($0.requiredFields) },
        ]
        TableView.render(rows, columns: columns, selected: selected, sortColumn: nil, ascending: true,
                         into: &buffer, rect: rect, theme: app.theme, marker: { _ in "●" })
        // The marker column carries each status's colour tag.
        for (offset, status) in rows.prefix(rect.height - 1).enumerated() where offset != selected {
            buffer.write("●", x: rect.x, y: rect.y + 1 + offset, style: app.theme.tag(status.colour))
        }
    }
}
