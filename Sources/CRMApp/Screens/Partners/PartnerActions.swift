import CRMCore
import TerminalUI

/// The actions on one partner (PA-2), shared by the list, the detail view and their context
/// menus, so each action is written once. New leads arrive with the leads release.
enum PartnerActions {
    /// The actions in menu order: (command in the list, command in the detail view, title).
    static let entries: [(list: CommandID, detail: CommandID, title: String)] = [
        ("record.open", "detail.open", "Open"),
        ("record.edit", "detail.edit", "Edit"),
        ("partner.consultant.new", "partner.consultant.new", "New consultant"),
        ("partner.opportunity.new", "partner.opportunity.new", "New opportunity"),
        ("partner.activity.new", "partner.activity.new", "Add sales activity"),
        ("record.delete", "detail.delete", "Delete…"),
    ]

    /// Runs a record command on `partner`; returns false when it is not a partner action.
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "detail.open", "record.edit", "detail.edit", "record.delete", "detail.delete",
        "partner.consultant.new", "partner.opportunity.new", "partner.activity.new", "menu.context", "detail.menu",
    ]

    static func run(_ command: CommandID, on partner: Partner, app: AppController, from screen: Screen) -> Bool {
        let isDetail = screen is PartnerDetailScreen
        switch command {
        case "record.open", "detail.open":
            guard !isDetail else { return false }
            app.push(PartnerDetailScreen(partnerID: partner.id, app: app))
        case "record.edit", "detail.edit":
            app.push(PartnerForm.edit(partner, app: app))
        case "record.delete", "detail.delete":
            app.confirm("Delete the partner “\(partner.name)”?",
                        detail: "Its consultants stay as personal contacts. This cannot be undone.") { app in
                if app.attempt("Could not delete", {
                    try app.session.partners.delete(id: partner.id, expectedVersion: partner.version)
                }) != nil {
                    if isDetail { app.pop() } else { screen.reload(app: app) }
                    app.show(message: "Deleted “\(partner.name)”")
                }
            }
        case "partner.consultant.new":
            app.push(ContactForm.createConsultant(of: partner, app: app))
        case "partner.opportunity.new":
            app.push(OpportunityForm.create(app: app, partnerID: partner.id))
        case "partner.activity.new":
            app.push(ActivityForms.new(for: .partner(partner.id), app: app))
        case "menu.context", "detail.menu":
            app.present(MenuPopup(title: partner.name, items: menu(for: partner, app: app, from: screen)))
        default:
            return false
        }
        return true
    }

    static func menu(for partner: Partner, app: AppController, from screen: Screen) -> [MenuItem] {
        let isDetail = screen is PartnerDetailScreen
        return entries.filter { !(isDetail && $0.list == "record.open") }.map { entry in
            let command = isDetail ? entry.detail : entry.list
            return MenuItem(title: entry.title, key: app.bindings.keyLabel(for: command, in: screen.contexts)) { app in
                _ = run(command, on: partner, app: app, from: screen)
            }
        }
    }
}
