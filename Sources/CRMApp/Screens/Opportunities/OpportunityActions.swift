import CRMCore
import CRMStore
import TerminalUI

/// The actions on one opportunity (OP-5), shared by the list, the board, the detail view and
/// their context menus, so each action is written once.
enum OpportunityActions {
    /// The OP-5 actions in menu order: (command in lists and on the board, command in the detail
    /// view, title). Quotes, Sold and Unlock arrive with quotes (QT-*, OP-6).
    static let entries: [(list: CommandID, detail: CommandID, title: String)] = [
        ("record.open", "detail.open", "Open"),
        ("record.edit", "detail.edit", "Edit"),
        ("opportunity.status.move", "opportunity.status.move", "Move to status…"),
        ("opportunity.activity.new", "opportunity.activity.new", "Add sales activity"),
        ("opportunity.project.move", "opportunity.project.move", "Move to another project…"),
        ("opportunity.task.add", "opportunity.task.add", "Add related task…"),
        ("opportunity.account.add", "opportunity.account.add", "Add related account…"),
        ("opportunity.role.add", "opportunity.role.add", "Add business role…"),
        ("opportunity.partner.assign", "opportunity.partner.assign", "Assign to partner…"),
        ("opportunity.copy", "opportunity.copy", "Copy"),
        ("record.delete", "detail.delete", "Delete…"),
    ]

    /// Runs a record command on `opportunity`; returns false when it is not an opportunity action.
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "detail.open", "record.edit", "detail.edit", "opportunity.copy", "record.delete",
        "detail.delete", "opportunity.project.move", "opportunity.partner.assign", "opportunity.activity.new",
        "opportunity.task.add", "opportunity.account.add", "opportunity.role.add", "opportunity.status.move", "menu.context",
        "detail.menu",
    ]

    static func run(_ command: CommandID, on opportunity: Opportunity, app: AppController, from screen: Screen) -> Bool {
        switch command {
        case "record.open", "detail.open":
            app.push(OpportunityDetailScreen(opportunityID: opportunity.id, app: app))
        case "record.edit", "detail.edit":
            app.push(OpportunityForm.edit(opportunity, app: app))
        case "opportunity.copy":
            app.push(OpportunityForm.copy(opportunity, app: app))
        case "opportunity.status.move":
            StatusMove.pick(for: opportunity, app: app) { shown in
                if let board = screen as? BoardScreen { board.show(shown) } else { screen.reload(app: app) }
            }
        case "record.delete", "detail.delete":
            app.confirm("Delete the opportunity “\(opportunity.name)”?",
                        detail: "Its related accounts and business roles go with it. This cannot be undone.") { app in
                if app.attempt("Could not delete", {
                    try app.session.opportunities.delete(id: opportunity.id, expectedVersion: opportunity.version)
                }) != nil {
                    if screen is OpportunityDetailScreen { app.pop() } else { screen.reload(app: app) }
                    app.show(message: "Deleted “\(opportunity.name)”")
                }
            }
        case "opportunity.project.move":
            pick(.projects, title: "Move to project", app: app) { projectID, name, app in
                change(opportunity, app: app, from: screen, done: "Moved to the project “\(name)”",
                       unchanged: "“\(opportunity.name)” is in the project “\(name)” already") { $0.projectID = projectID }
            }
        case "opportunity.partner.assign":
            pick(.partners, title: "Assign to partner", app: app) { partnerID, name, app in
                change(opportunity, app: app, from: screen, done: "Assigned to the partner “\(name)”",
                       unchanged: "“\(opportunity.name)” is assigned to “\(name)” already") { $0.partnerID = partnerID }
            }
        case "opportunity.activity.new":
            app.push(ActivityForms.new(for: .opportunity(opportunity.id), app: app))
        case "opportunity.task.add":
            app.present(MenuPopup(title: "Add related task", items: [
                MenuItem(title: "Existing task…") { app in
                    TaskPickers.relateExistingTask(toOpportunity: opportunity.id, app: app) { _ in screen.reload(app: app) }
                },
                MenuItem(title: "New task…") { app in
                    app.push(TaskForms.new(relatedTo: .opportunity(opportunity.id), projectID: opportunity.projectID, app: app))
                },
            ]))
        case "opportunity.account.add":
            OpportunityRelationActions.addAccount(to: opportunity, app: app, from: screen)
        case "opportunity.role.add":
            app.push(OpportunityRelationActions.businessRoleForm(for: opportunity, app: app))
        case "menu.context", "detail.menu":
            app.present(MenuPopup(title: opportunity.name, items: menu(for: opportunity, app: app, from: screen)))
        default:
            return false
        }
        return true
    }

    static func menu(for opportunity: Opportunity, app: AppController, from screen: Screen) -> [MenuItem] {
        let isDetail = screen is OpportunityDetailScreen
        return entries.filter { !(isDetail && $0.list == "record.open") }.map { entry in
            let command = isDetail ? entry.detail : entry.list
            return MenuItem(title: entry.title, key: app.bindings.keyLabel(for: command, in: screen.contexts)) { app in
                _ = run(command, on: opportunity, app: app, from: screen)
            }
        }
    }

    /// Saves one change to the opportunity's fields with its version check; a stale version or a
    /// required field of its status shows as a message and nothing is saved; a change to the
    /// value it already has saves nothing and says `unchanged`.
    static func change(_ opportunity: Opportunity, app: AppController, from screen: Screen, done: String,
                       unchanged: String, _ edit: (inout OpportunityDraft) -> Void) {
        var draft = opportunity.fields
        edit(&draft)
        guard draft != opportunity.fields else {
            app.show(message: unchanged)
            return
        }
        if app.attempt("Could not save", {
            try app.session.opportunities.update(id: opportunity.id, with: draft, expectedVersion: opportunity.version)
        }) != nil {
            screen.reload(app: app)
            app.show(message: done)
        } else {
            screen.reload(app: app)
        }
    }

    /// A search popup over projects or partners; `chosen` gets the id and name.
    static func pick(_ table: NameLookup.Table, title: String, app: AppController,
                     chosen: @escaping (Int64, String, AppController) -> Void) {
        let names = app.session.database.names
        app.present(MenuPopup(title: title, emptyText: "Type to search") { query in
            ((try? names.find(table, matching: query)) ?? []).map { found in
                MenuItem(title: found.name) { app in chosen(found.id, found.name, app) }
            }
        })
    }
}
