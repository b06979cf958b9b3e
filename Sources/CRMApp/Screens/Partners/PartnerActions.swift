import CRMCore
import TerminalUI

/// The actions on one partner (PA-2), shared by the list, the detail view and their context
/// menus, so each action is written once. New leads arrive with the leads release.
enum PartnerActions {
    /// The PA-2 actions on `partner` (nil while the list has no row) in context-menu order, all
    /// in the sidebar too; Open only where `fromList`.
    static func commands(for partner: Partner?, fromList: Bool, from screen: Screen) -> [Command] {
        let action = { (id: CommandID, title: String, run: @escaping (Partner, AppController) -> Void) in
            Command.on(partner, id, [.sidebar, .menu], menuTitle: title, missing: "There is no partner here", action: run)
        }
        let open = action(.recordOpen, "Open") { partner, app in app.push(PartnerDetailScreen(partnerID: partner.id, app: app)) }
        return (fromList ? [open] : []) + [
            action(.recordEdit, "Edit") { partner, app in app.push(PartnerForm.edit(partner, app: app)) },
            action(.partnerConsultantNew, "New consultant") { partner, app in
                app.push(ContactForm.createConsultant(of: partner, app: app))
            },
            action(.partnerOpportunityNew, "New opportunity") { partner, app in
                app.push(OpportunityForm.create(app: app, partnerID: partner.id))
            },
            action(.partnerActivityNew, "Add sales activity") { partner, app in
                app.push(ActivityForms.new(for: .partner(partner.id), app: app))
            },
            action(.recordDelete, "Delete…") { partner, app in
                app.confirm("Delete the partner “\(partner.name)”?",
                            detail: "Its consultants stay as personal contacts. This cannot be undone.") { app in
                    if app.attempt("Could not delete", {
                        try app.session.partners.delete(id: partner.id, expectedVersion: partner.version)
                    }) != nil {
                        if fromList { screen.reload(app: app) } else { app.pop() }
                        app.show(message: "Deleted “\(partner.name)”")
                    }
                }
            },
        ]
    }
}
