import CRMCore
import TerminalUI

/// The top menu of the Leads section: the lead views (LD-2) folded into one tab, then the lead
/// pages (LD-3) — intraday, statistics, conversions and splitter control.
///
/// Seven views and four pages do not fit in 80 columns as eleven tabs, and salespeople live in
/// the views while the pages are looked at now and then; so the first tab names the current view
/// ("Open ▾") and `v` picks another. Tab and Shift-Tab still walk every view and then every page;
/// the daily views and the figure pages have digits (1–7 open … archived, 8 intraday,
/// 9 statistics, 0 conversions), while Closed and All are left to Tab and `v`.
/// Switching replaces the page in place, so Esc leaves the section the same way from all of them.
enum LeadTabs {
    enum Page: CaseIterable {
        case intraday, statistics, conversions, splitter

        var title: String {
            switch self {
            case .intraday: "Intraday"
            case .statistics: "Statistics"
            case .conversions: "Conversions"
            case .splitter: "Splitter"
            }
        }
    }

    /// A place in the section: a lead view or a page.
    enum Position: Equatable {
        case view(LeadQuery.View)
        case page(Page)
    }

    /// Every position in Tab order.
    static let positions: [Position] = LeadListScreen.views.map(Position.view) + Page.allCases.map(Position.page)

    /// The tab titles while `view` is the current (or last shown) view.
    static func titles(view: LeadQuery.View) -> [String] { ["\(view.title) ▾"] + Page.allCases.map(\.title) }

    /// The index of the tab `position` is shown under.
    static func tab(of position: Position) -> Int {
        switch position {
        case .view: 0
        case .page(let page): 1 + (Page.allCases.firstIndex(of: page) ?? 0)
        }
    }

    /// The command that shows `view` directly.
    static func command(for view: LeadQuery.View) -> CommandID {
        switch view {
        case .open: .leadTabOpen
        case .noTouch: .leadTabNoTouch
        case .incoming: .leadTabIncoming
        case .callOn: .leadTabCallOn
        case .freePool: .leadTabFreePool
        case .mine: .leadTabMine
        case .archived: .leadTabArchived
        case .closed: .leadTabClosed
        case .all: .leadTabAll
        case .unprocessed: .splitterUnprocessed
        }
    }

    /// The commands that show the pages directly.
    static let pageCommands: [(CommandID, Page)] = [
        (.leadTabIntraday, .intraday), (.leadTabStatistics, .statistics), (.leadTabConversions, .conversions),
        (.leadSplitter, .splitter),
    ]

    /// The section's navigation from a screen at `current` whose last view is `view`: Tab,
    /// Shift-Tab, `v` and the direct ones; those in `sidebar` are listed there.
    static func commands(at current: Position, view: LeadQuery.View,
                         sidebar: Set<CommandID> = [.leadViewPick, .tabNext]) -> [Command] {
        let step = { (id: CommandID, offset: Int) in
            Command(id) { app in
                let index = positions.firstIndex(of: current) ?? 0
                show(positions[(index + offset + positions.count) % positions.count], view: view, app: app)
            }
        }
        let commands = [
            Command(.leadViewPick) { app in pickView(current: view, app: app) },
            step(.tabNext, 1), step(.tabPrev, -1),
        ] + LeadListScreen.views.map { target in Command(command(for: target)) { show(.view(target), view: view, app: $0) } }
            + pageCommands.map { id, page in Command(id) { show(.page(page), view: view, app: $0) } }
        return commands.map { sidebar.contains($0.id) ? $0.placed([.sidebar]) : $0 }
    }

    private static func pickView(current view: LeadQuery.View, app: AppController) {
        let items = LeadListScreen.views.map { choice in
            MenuItem(title: choice.title, key: app.bindings.keyLabel(for: command(for: choice), in: [.lead])) { app in
                show(.view(choice), view: view, app: app)
            }
        }
        app.present(MenuPopup(title: "Lead view", items: items, selected: LeadListScreen.views.firstIndex(of: view) ?? 0))
    }

    /// Shows `position`; a view shown from a list keeps that list (its filter and sort).
    static func show(_ position: Position, view: LeadQuery.View, app: AppController) {
        switch position {
        case .view(let target):
            if let list = app.currentScreen as? LeadListScreen {
                list.show(target, app: app)
            } else {
                app.replaceTop(LeadListScreen(app: app, view: target))
            }
        case .page(.intraday): app.replaceTop(LeadIntradayScreen(view: view))
        case .page(.statistics): app.replaceTop(LeadFiguresScreen(kind: .statistics, view: view))
        case .page(.conversions): app.replaceTop(LeadFiguresScreen(kind: .conversions, view: view))
        case .page(.splitter): app.replaceTop(SplitterControlScreen(app: app, view: view))
        }
    }
}
