import CRMCore
import TerminalUI

/// The settings tab of account types (AC-1): key, name and which native name fields each uses.
final class AccountTypesPage: SettingsPage {
    let title = "Account types"
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

    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        actions.commands(rows: rows, selected: selected, select: select)
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
