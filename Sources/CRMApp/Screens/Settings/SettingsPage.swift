import CRMCore
import TerminalUI

/// One tab of the settings screen (ST-5): a table of configuration rows and the actions on
/// them. `SettingsScreen` owns the tabs and the cursor; a page reads and draws its rows and
/// runs `record.new` / `record.edit` / `record.delete` / `record.move.*` on the selected one.
protocol SettingsPage: AnyObject {
    /// The tab label (short, so every tab fits in 80 columns).
    var title: String { get }
    /// The breadcrumb's last part; the tab label when not given.
    var longTitle: String { get }
    var sidebarActions: [CommandID] { get }
    /// The commands `handle` takes.
    var commands: Set<CommandID> { get }
    var rowCount: Int { get }
    func reload(app: AppController)
    /// Runs a command on the row at `selected`, which it may move (after a reorder); false when
    /// the page has no use for the command.
    func handle(_ command: CommandID, selected: inout Int, app: AppController) -> Bool
    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController)
}

extension SettingsPage {
    var longTitle: String { title }
}

/// Moving a row of an ordered settings list one place up or down (`record.move.up` / `.down`).
enum RowMove {
    /// The step of a move command: -1 up, +1 down, `nil` for other commands.
    static func step(_ command: CommandID) -> Int? {
        switch command {
        case "record.move.up": -1
        case "record.move.down": 1
        default: nil
        }
    }

    /// `ids` with the one at `index` moved by `step`, or `nil` when it cannot move that way.
    static func moved(_ ids: [Int64], index: Int, step: Int) -> [Int64]? {
        let target = index + step
        guard ids.indices.contains(index), ids.indices.contains(target) else { return nil }
        var order = ids
        order.swapAt(index, target)
        return order
    }
}
