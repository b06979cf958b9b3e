import CRMCore
import TerminalUI

/// The settings tab of account types (AC-1): key, name and which native name fields each uses.
final class AccountTypesPage: SettingsPage {
    let title = "Account types"
    let sidebarActions: [CommandID] = ["record.new", "record.edit", "record.delete", "record.move.up", "record.move.down"]
    private var rows: [AccountType] = []

    var rowCount: Int { rows.count }

    func reload(app: AppController) {
        app.session.refreshTypes()
        rows = app.session.accountTypeList
    }

    private var actions: SettingsRowActions<AccountType> {
        SettingsRowActions(
            noun: "account type", name: \.name, form: { row, app in AccountTypeForm.make(editing: row, app: app) },
            delete: { row, app in try app.session.accountTypes.delete(id: row.id, expectedVersion: row.version) },
            reorder: { ids, app in _ = try app.session.accountTypes.reorder(ids) },
            reload: { [unowned self] app in reload(app: app) })
    }

    var commands: Set<CommandID> { actions.commands }

    func handle(_ command: CommandID, selected: inout Int, app: AppController) -> Bool {
        actions.handle(command, rows: rows, selected: &selected, app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        TableView.render(rows, columns: [
            TableColumn("Account type", minWidth: 16, weight: 1) { $0.name },
            TableColumn("Key", minWidth: 10) { $0.key },
            TableColumn("Person name", minWidth: 11) { $0.usesPersonName ? "yes" : "no" },
            TableColumn("Organisation name", minWidth: 17) { $0.usesOrganisationName ? "yes" : "no" },
        ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: rect, theme: app.theme)
    }
}
