import CRMCore
import TerminalUI

/// CRM settings (ST-5 as far as built): personal contact types (PC-2), account types (AC-1),
/// the users who may log in (managed with `crm user`), opportunity statuses (OP-2) and the reasons
/// deals are lost, activity categories (SA-1), currencies (base currency and exchange rates) and
/// lead routing rules (LP-3). Each tab is a `SettingsPage` shown as a pane.
final class SettingsScreen: TabbedScreen {
    private let pages: [SettingsPage]

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
        super.init(section: .settings, title: "Settings", contexts: [.settings, .list])
        panes = pages.map { Tab(title: $0.title, pane: SettingsPagePane($0)) }
        reload(app: app)
    }

    override var breadcrumb: String { "Settings › " + pages[activeTab].longTitle }
}

/// A settings page as a pane: the page reads, draws and acts on its rows; the pane keeps the
/// cursor over them, which starts at the top each time the page is shown.
final class SettingsPagePane: Pane {
    private let page: SettingsPage
    private var cursor = RowCursor()

    init(_ page: SettingsPage) {
        self.page = page
    }

    func commands(app: AppController) -> [Command] {
        page.commands(selected: cursor.selected, select: { [unowned self] row in cursor.selected = row }, app: app)
            + Command.rowMoves { [unowned self] move in move(&cursor) }
    }

    func reload(app: AppController) {
        page.reload(app: app)
        cursor.resize(count: page.rowCount)
    }

    func show(app: AppController) {
        cursor = RowCursor()
        reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        page.render(into: &buffer, rect: inner, selected: cursor.selected, app: app)
    }
}
