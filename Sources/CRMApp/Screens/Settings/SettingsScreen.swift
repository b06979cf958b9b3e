import CRMCore
import TerminalUI

/// CRM settings (ST-5 as far as built): personal contact types (PC-2), account types (AC-1),
/// the users who may log in (managed with `crm user`), opportunity statuses (OP-2) and the reasons
/// deals are lost, activity categories (SA-1), currencies (base currency and exchange rates) and
/// lead routing rules (LP-3).
///
/// Each tab is a `SettingsPage`; this screen switches tabs and keeps the cursor.
final class SettingsScreen: Screen {
    let section = Section.settings
    private let pages: [SettingsPage]
    private var page = 0
    private var cursor = RowCursor()

    init(app: AppController) {
        pages = [
            NamedTypePage(title: "Contact types", noun: "contact type", column: "Personal contact type",
                          repository: { $0.session.contactTypes }, afterChange: { $0.session.refreshTypes() }),
            AccountTypesPage(),
            UsersPage(),
            StatusesPage(),
            NamedTypePage(title: "Lost reasons", noun: "lost reason", column: "Why a deal was lost",
                          repository: { $0.session.lostReasons }, afterChange: { _ in }),
            NamedTypePage(title: "Categories", longTitle: "Activity categories", noun: "activity category",
                          column: "Sales activity category", repository: { $0.session.activityCategories },
                          afterChange: { _ in }),
            CurrenciesPage(),
            LeadRulesPage(),
        ]
        reload(app: app)
    }

    private var current: SettingsPage { pages[page] }

    var breadcrumb: String { "Settings › " + current.longTitle }
    var tabs: [String] { pages.map(\.title) }
    var activeTab: Int { page }
    var contexts: [KeyContext] { [.settings, .list] }

    func reload(app: AppController) {
        current.reload(app: app)
        cursor.resize(count: current.rowCount)
    }

    func commands(app: AppController) -> [Command] {
        let select = { [unowned self] (row: Int) in cursor.selected = row }
        let turn = { [unowned self] (step: Int) in
            page = (page + step + pages.count) % pages.count
            cursor = RowCursor()
            reload(app: app)
        }
        return current.commands(selected: cursor.selected, select: select, app: app) + [
            Command(.tabNext, [.sidebar]) { _ in turn(1) },
            Command(.tabPrev) { _ in turn(-1) },
        ] + Command.rowMoves { [unowned self] move in move(&cursor) }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        current.render(into: &buffer, rect: inner, selected: cursor.selected, app: app)
    }
}
