import TerminalUI

/// A screen made of a title and tabs, each a pane, one shown at a time: keys, data and drawing go
/// to the pane on view, and Tab / Shift-Tab change panes. A project's CRM view is one (its tasks
/// and its opportunities); a record's detail screen (`RecordScreen`) is one with the record's
/// actions added.
class TabbedScreen: Screen {
    struct Tab {
        let title: String
        let pane: Pane
    }

    let section: Section
    /// Set by the subclass or the maker once the panes exist.
    var panes: [Tab] = []
    private(set) var active = 0
    private let title: String
    /// The screen's own contexts after the pane's.
    private let screenContexts: [KeyContext]
    /// Columns left free on each side of the pane (a detail's fields breathe; a list uses the
    /// whole width, so the terminal can scroll its rows).
    private let margin: Int

    init(section: Section, title: String, contexts: [KeyContext] = [], margin: Int = 0) {
        self.section = section
        self.title = title
        screenContexts = contexts
        self.margin = margin
    }

    var pane: Pane { panes[active].pane }

    var breadcrumb: String { title }
    var tabs: [String] { panes.map(\.title) }
    var activeTab: Int { active }
    var contexts: [KeyContext] { pane.contexts + screenContexts }
    var isTyping: Bool { pane.isTyping }

    func commands(app: AppController) -> [Command] { pane.commands(app: app) + tabCommands(app: app) }

    /// Tab and Shift-Tab, Tab in the sidebar.
    func tabCommands(app: AppController) -> [Command] {
        Command.tabSteps { [unowned self] step in
            active = (active + step + panes.count) % panes.count
            showPane(app: app)
        }
    }

    /// The pane just chosen is shown from its top, with fresh data.
    func showPane(app: AppController) { pane.show(app: app) }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { pane.handleKey(event, app: app) }
    func reload(app: AppController) { pane.reload(app: app) }
    func refresh(in rect: Rect, app: AppController) { pane.refresh(in: paneRect(rect), app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        pane.render(into: &buffer, rect: paneRect(rect), app: app)
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool { pane.reveal(record, app: app) }

    private func paneRect(_ rect: Rect) -> Rect { rect.inset(dx: margin, dy: 0) }
}
