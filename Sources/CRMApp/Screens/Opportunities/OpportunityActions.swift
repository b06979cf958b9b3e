import CRMCore
import CRMStore
import TerminalUI

/// The actions on one opportunity (OP-5), shared by the list, the board, the detail view and
/// their context menus, so each action is written once.
enum OpportunityActions {
    /// Where the actions are offered: a list's selected row, the board's selected card, or the
    /// detail view of one opportunity. Quotes, Sold and Unlock arrive with quotes (QT-*, OP-6).
    enum Place { case list, board, detail }

    /// The OP-5 actions on `opportunity` (nil while there is none selected), in context-menu
    /// order, each placed in the sidebar where `place` shows it.
    static func commands(for opportunity: Opportunity?, at place: Place, from screen: Screen) -> [Command] {
        let action = { (id: CommandID, sidebar: Set<Place>, title: String, run: @escaping (Opportunity, AppController) -> Void) in
            Command.on(opportunity, id, sidebar.contains(place) ? [.sidebar, .menu] : [.menu], menuTitle: title,
                       missing: "There is no opportunity here", action: run)
        }
        var commands: [Command] = []
        if place != .detail {
            commands.append(action(.recordOpen, [.list, .board], "Open") { opportunity, app in
                app.push(OpportunityDetailScreen(opportunityID: opportunity.id, app: app))
            })
        }
        return commands + [
            action(.recordEdit, [.list, .board, .detail], "Edit") { opportunity, app in
                app.push(OpportunityForm.edit(opportunity, app: app))
            },
            action(.opportunityStatusMove, [.board, .detail], "Move to status…") { opportunity, app in
                StatusMove.pick(for: opportunity, app: app) { shown in
                    if let board = screen as? BoardScreen { board.show(shown) } else { screen.reload(app: app) }
                }
            },
            action(.opportunityActivityNew, [.list, .board, .detail], "Add sales activity") { opportunity, app in
                app.push(ActivityForms.new(for: .opportunity(opportunity.id), app: app))
            },
            action(.opportunityProjectMove, [.detail], "Move to another project…") { opportunity, app in
                pick(.projects, title: "Move to project", app: app) { projectID, name, app in
                    change(opportunity, app: app, from: screen, done: "Moved to the project “\(name)”",
                           unchanged: "“\(opportunity.name)” is in the project “\(name)” already") { $0.projectID = projectID }
                }
            },
            action(.opportunityTaskAdd, [.detail], "Add related task…") { opportunity, app in
                addTask(to: opportunity, app: app, from: screen)
            },
            action(.opportunityAccountAdd, [.detail], "Add related account…") { opportunity, app in
                OpportunityRelationActions.addAccount(to: opportunity, app: app, from: screen)
            },
            action(.opportunityRoleAdd, [.detail], "Add business role…") { opportunity, app in
                app.push(OpportunityRelationActions.businessRoleForm(for: opportunity, app: app))
            },
            action(.opportunityPartnerAssign, [.detail], "Assign to partner…") { opportunity, app in
                pick(.partners, title: "Assign to partner", app: app) { partnerID, name, app in
                    change(opportunity, app: app, from: screen, done: "Assigned to the partner “\(name)”",
                           unchanged: "“\(opportunity.name)” is assigned to “\(name)” already") { $0.partnerID = partnerID }
                }
            },
            action(.opportunityCopy, [.list, .detail], "Copy") { opportunity, app in
                app.push(OpportunityForm.copy(opportunity, app: app))
            },
            action(.recordDelete, [.list, .detail], "Delete…") { opportunity, app in
                delete(opportunity, app: app, from: screen)
            },
        ]
    }

    /// An existing task or a new one, related to the opportunity.
    static func addTask(to opportunity: Opportunity, app: AppController, from screen: Screen) {
        app.present(MenuPopup(title: "Add related task", items: [
            MenuItem(title: "Existing task…") { app in
                TaskPickers.relateExistingTask(toOpportunity: opportunity.id, app: app) { _ in screen.reload(app: app) }
            },
            MenuItem(title: "New task…") { app in
                app.push(TaskForms.new(relatedTo: .opportunity(opportunity.id), projectID: opportunity.projectID, app: app))
            },
        ]))
    }

    private static func delete(_ opportunity: Opportunity, app: AppController, from screen: Screen) {
        app.confirm("Delete the opportunity “\(opportunity.name)”?",
                    detail: "Its related accounts and business roles go with it. This cannot be undone.") { app in
            if app.attempt("Could not delete", {
                try app.session.opportunities.delete(id: opportunity.id, expectedVersion: opportunity.version)
            }) != nil {
                if screen is OpportunityDetailScreen { app.pop() } else { screen.reload(app: app) }
                app.show(message: "Deleted “\(opportunity.name)”")
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
