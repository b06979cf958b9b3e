import CRMCore
import TerminalUI

/// The `m` menu on a lead (SH-7) and the merge command (LP-7): the lead list hands both here so
/// the merge flow lives beside its screen.
enum LeadContextMenu {
    static func run(_ command: CommandID, on lead: Lead, from screen: Screen, app: AppController) {
        guard command == "menu.context" else { return LeadMergeScreen.open(for: lead, app: app) }
        let entries: [(CommandID, String)] = [
            ("record.edit", "Edit"), ("lead.archive", lead.isArchived ? "Unarchive" : "Archive"),
            ("lead.merge", lead.duplicateOfID != nil ? "Merge with its original…" : "Merge duplicate…"),
        ]
        let items = entries.map { id, title in
            MenuItem(title: title, key: app.bindings.keyLabel(for: id, in: screen.contexts)) { app in
                _ = screen.handle(id, app: app)
            }
        }
        app.present(MenuPopup(title: lead.displayName, items: items))
    }
}
