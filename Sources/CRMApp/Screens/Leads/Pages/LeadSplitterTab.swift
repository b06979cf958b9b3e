import CRMCore
import TerminalUI

/// The splitter control tab (LP-6) until its screen is wired in: says what it is and opens it
/// with Enter through its command `lead.splitter`.
final class LeadSplitterTab: LeadPage {
    let page = LeadTabs.Page.splitter
    let view: LeadQuery.View

    init(view: LeadQuery.View) {
        self.view = view
    }

    var sidebarActions: [CommandID] { ["record.open", "lead.view.pick", "tab.next"] }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if handleNavigation(command, app: app) { return true }
        guard command == "record.open" else { return false }
        app.run("lead.splitter")
        return true
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        buffer.write("Splitter control", x: rect.x + 2, y: rect.y + 1, style: app.theme.header)
        buffer.write("Filters that share matching leads among users by percentage, and the leads no filter handled.",
                     x: rect.x + 2, y: rect.y + 3, style: app.theme.plain, maxWidth: rect.width - 4)
        buffer.write("Press Enter to open it.", x: rect.x + 2, y: rect.y + 5, style: app.theme.accent, maxWidth: rect.width - 4)
    }
}
