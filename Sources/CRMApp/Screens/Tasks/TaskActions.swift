import CRMCore
import CRMStore
import TerminalUI

/// The actions on one task, shared by the task lists, the detail view and the context menu,
/// so each action is written once.
enum TaskActions {
    /// Runs a record command on `task`; returns false when it is not a task action.
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "record.edit", "detail.edit", "record.delete", "detail.delete", "task.account.relate",
        "task.opportunity.relate", "task.account.primary", "task.unrelate", "menu.context", "detail.menu",
    ]

    static func run(_ command: CommandID, on task: TaskRecord, app: AppController, from screen: Screen) -> Bool {
        let refresh: (TaskRecord) -> Void = { _ in screen.reload(app: app) }
        switch command {
        case "record.open":
            app.push(TaskDetailScreen(taskID: task.id, app: app))
        case "record.edit", "detail.edit":
            app.push(TaskForms.edit(task, app: app))
        case "record.delete", "detail.delete":
            app.confirm("Delete the task “\(task.subject)”?", detail: "Its links to accounts and opportunities go with it.") { app in
                if app.attempt("Could not delete", { try app.session.tasks.delete(id: task.id, expectedVersion: task.version) }) != nil {
                    if screen is TaskDetailScreen { app.pop() } else { screen.reload(app: app) }
                    app.show(message: "Deleted “\(task.subject)”")
                }
            }
        case "task.account.relate":
            TaskPickers.relateAccount(to: task, app: app, done: refresh)
        case "task.opportunity.relate":
            TaskPickers.relateOpportunity(to: task, app: app, done: refresh)
        case "task.account.primary":
            chooseRelatedAccount(of: task, title: "Make primary", app: app, where: { !$0.isPrimary }) { account in
                makePrimary(account, of: task, app: app, done: refresh)
            }
        case "task.unrelate":
            chooseRelatedAccount(of: task, title: "Unrelate an account", app: app, where: { _ in true }) { account in
                unrelate(account, from: task, app: app, done: refresh)
            }
        case "menu.context", "detail.menu":
            app.present(MenuPopup(title: task.subject, items: menu(for: task, app: app, from: screen)))
        default:
            return false
        }
        return true
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

    static func menu(for task: TaskRecord, app: AppController, from screen: Screen) -> [MenuItem] {
        let isDetail = screen is TaskDetailScreen
        let entries: [(CommandID, String)] = (isDetail ? [] : [("record.open", "Open")]) + [
            (isDetail ? "detail.edit" : "record.edit", "Edit"),
            ("task.account.relate", "Relate an account…"),
            ("task.account.primary", "Make another related account primary…"),
            ("task.unrelate", isDetail ? "Unrelate the selected account or opportunity" : "Unrelate an account…"),
            ("task.opportunity.relate", "Relate an opportunity…"),
            (isDetail ? "detail.delete" : "record.delete", "Delete…"),
        ]
        return entries.map { command, title in
            MenuItem(title: title, key: app.bindings.keyLabel(for: command, in: screen.contexts)) { app in
                app.run(command)
            }
        }
    }
}
