import CRMCore
import TerminalUI

/// One tab of the settings screen (ST-5): a table of configuration rows and the actions on
/// them. `SettingsPagePane` keeps the cursor; a page reads and draws its rows and
/// runs `record.new` / `record.edit` / `record.delete` / `record.move.*` on the selected one.
protocol SettingsPage: AnyObject {
    /// The tab label (short, so every tab fits in 80 columns).
    var title: String { get }
    /// The breadcrumb's last part; the tab label when not given.
    var longTitle: String { get }
    var rowCount: Int { get }
    func reload(app: AppController)
    /// The page's commands on the row at `selected`, sidebar ones in sidebar order; `select`
    /// moves the selection (a reordered row keeps it).
    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command]
    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController)
}

extension SettingsPage {
    var longTitle: String { title }
}

/// Moving a row of an ordered settings list one place up or down (`record.move.up` / `.down`).
enum RowMove {
    /// `ids` with the one at `index` moved by `step`, or `nil` when it cannot move that way.
    static func moved(_ ids: [Int64], index: Int, step: Int) -> [Int64]? {
        let target = index + step
        guard ids.indices.contains(index), ids.indices.contains(target) else { return nil }
        var order = ids
        order.swapAt(index, target)
        return order
    }
}
