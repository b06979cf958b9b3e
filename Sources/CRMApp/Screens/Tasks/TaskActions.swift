import CRMCore
import CRMStore
import TerminalUI

/// The actions on one task, shared by the task lists, the detail view and the context menu,
/// so each action is written once.
enum TaskActions {
    /// Where the actions are offered: a task list's selected row, or the detail view of a task.
    enum Place { case list, detail }

    /// The actions on `task` (nil while the list has no row), in context-menu order, each placed
    /// in the sidebar where `place` shows it.
    static func commands(for task: TaskRecord?, at place: Place, from screen: Screen) -> [Command] {
        let action = { (id: CommandID, sidebar: Set<Place>, title: String, run: @escaping (TaskRecord, AppController) -> Void) in
            Command.on(task, id, sidebar.contains(place) ? [.sidebar, .menu] : [.menu], menuTitle: title,
                       missing: "There is no task here", action: run)
        }
        let refresh = { (app: AppController) in { (_: TaskRecord) in screen.reload(app: app) } }
        var commands: [Command] = []
        if place == .list {
            commands.append(action(.recordOpen, [.list], "Open") { task, app in app.push(TaskDetailScreen(taskID: task.id, app: app)) })
        }
        return commands + [
            action(.recordEdit, [.list, .detail], "Edit") { task, app in app.push(TaskForms.edit(task, app: app)) },
            action(.taskAccountRelate, [.detail], "Relate an account…") { task, app in
                TaskPickers.relateAccount(to: task, app: app, done: refresh(app))
            },
            action(.taskAccountPrimary, [.detail], "Make another related account primary…") { task, app in
                chooseRelatedAccount(of: task, title: "Make primary", app: app, where: { !$0.isPrimary }) { account in
                    makePrimary(account, of: task, app: app, done: refresh(app))
                }
            },
            action(.taskUnrelate, [.detail],
                   place == .detail ? "Unrelate the selected account or opportunity" : "Unrelate an account…") { task, app in
                chooseRelatedAccount(of: task, title: "Unrelate an account", app: app, where: { _ in true }) { account in
                    unrelate(account, from: task, app: app, done: refresh(app))
                }
            },
            action(.taskOpportunityRelate, [.detail], "Relate an opportunity…") { task, app in
                TaskPickers.relateOpportunity(to: task, app: app, done: refresh(app))
            },
            action(.recordDelete, [.list, .detail], "Delete…") { task, app in
                app.confirm("Delete the task “\(task.subject)”?", detail: "Its links to accounts and opportunities go with it.") { app in
                    if app.attempt("Could not delete", { try app.session.tasks.delete(id: task.id, expectedVersion: task.version) }) != nil {
                        if screen is TaskDetailScreen { app.pop() } else { screen.reload(app: app) }
                        app.show(message: "Deleted “\(task.subject)”")
                    }
                }
            },
        ]
    }

    static func makePrimary(_ account: TaskAccountLink, of task: TaskRecord, app: AppController, done: (TaskRecord) -> Void) {
        if let saved = app.attempt("Could not change the primary account", {
            try app.session.tasks.makePrimary(taskID: task.id, accountID: account.accountID, expectedVersion: task.version)
        }) {
            app.show(message: "“\(account.name)” is now the primary account")
            done(saved)
        }
    }

    static func unrelate(_ account: TaskAccountLink, from task: TaskRecord, app: AppController, done: (TaskRecord) -> Void) {
        if let saved = app.attempt("Could not unrelate the account", {
            try app.session.tasks.unrelateAccount(taskID: task.id, accountID: account.accountID, expectedVersion: task.version)
        }) {
            let primary = account.isPrimary ? saved.primaryAccountName.map { "; “\($0)” is now primary" } ?? "" : ""
            app.show(message: "Unrelated “\(account.name)”" + primary)
            done(saved)
        }
    }

    static func unrelate(_ opportunity: TaskOpportunityLink, from task: TaskRecord, app: AppController, done: (TaskRecord) -> Void) {
        if let saved = app.attempt("Could not unrelate the opportunity", {
            try app.session.tasks.unrelateOpportunity(taskID: task.id, opportunityID: opportunity.opportunityID,
                                                      expectedVersion: task.version)
        }) {
            app.show(message: "Unrelated “\(opportunity.name)”")
            done(saved)
        }
    }

    /// A popup of the task's related accounts that pass `include`.
    private static func chooseRelatedAccount(
        of task: TaskRecord, title: String, app: AppController, where include: (TaskAccountLink) -> Bool,
        then action: @escaping (TaskAccountLink) -> Void
    ) {
        guard let links = app.attempt("Could not read the related accounts", { try app.session.tasks.relatedAccounts(of: task.id) }) else {
            return
        }
        let candidates = links.filter(include)
        guard !candidates.isEmpty else {
            app.show(message: links.isEmpty ? "No account is related to this task" : "No other related account to choose")
            return
        }
        app.present(MenuPopup(title: title, items: candidates.map { link in
            MenuItem(title: link.name + (link.isPrimary ? "  (primary)" : "")) { _ in action(link) }
        }))
    }
}
