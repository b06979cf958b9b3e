import CRMCore
import CRMStore

/// Search popups that relate records to tasks: an account or an opportunity to a task, and an
/// existing task to an opportunity (OP-5 "add related task").
enum TaskPickers {
    /// Accounts whose name matches the typed text, as form choices.
    static func accountChoices(_ app: AppController, matching text: String) -> [Choice] {
        let accounts = (try? app.session.accounts.page(AccountQuery(filter: text), .first, limit: 30)) ?? []
        return accounts.map { Choice(id: String($0.id), title: $0.displayName) }
    }

    /// Asks for an account and relates it to `task`; `done` gets the saved task.
    static func relateAccount(to task: TaskRecord, app: AppController, done: @escaping (TaskRecord) -> Void) {
        app.present(MenuPopup(title: "Relate an account", emptyText: "Type to search accounts") { text in
            accountChoices(app, matching: text).map { choice in
                MenuItem(title: choice.title) { app in
                    let saved = app.attempt("Could not relate the account") {
                        try app.session.tasks.relateAccount(taskID: task.id, accountID: Int64(choice.id)!, expectedVersion: task.version)
                    }
                    if let saved {
                        app.show(message: "Related “\(choice.title)”" + (saved.primaryAccountID == Int64(choice.id) ? " (primary)" : ""))
                        done(saved)
                    }
                }
            }
        })
    }

    /// Asks for an opportunity and relates it to `task`.
    static func relateOpportunity(to task: TaskRecord, app: AppController, done: @escaping (TaskRecord) -> Void) {
        let opportunities = app.session.database.opportunities(actingAs: app.session.user)
        app.present(MenuPopup(title: "Relate an opportunity", emptyText: "Type to search opportunities") { text in
            let found = (try? opportunities.page(OpportunityQuery(filter: text), .first, limit: 30)) ?? []
            return found.map { opportunity in
                MenuItem(title: opportunity.name + (opportunity.accountName.map { " — " + $0 } ?? "")) { app in
                    let saved = app.attempt("Could not relate the opportunity") {
                        try app.session.tasks.relateOpportunity(taskID: task.id, opportunityID: opportunity.id,
                                                                expectedVersion: task.version)
                    }
                    if let saved {
                        app.show(message: "Related “\(opportunity.name)”")
                        done(saved)
                    }
                }
            }
        })
    }

    /// Asks for an existing task and relates it to the opportunity `opportunityID` (for the
    /// opportunity screens, OP-5); `done` runs after a successful save.
    static func relateExistingTask(toOpportunity opportunityID: Int64, app: AppController,
                                   done: @escaping (TaskRecord) -> Void = { _ in }) {
        app.present(MenuPopup(title: "Relate an existing task", emptyText: "Type to search tasks") { text in
            let found = (try? app.session.tasks.page(TaskQuery(filter: text, sort: .subject), .first, limit: 30)) ?? []
            return found.map { task in
                MenuItem(title: task.subject + " (" + task.status.title + ")") { app in
                    let saved = app.attempt("Could not relate the task") {
                        try app.session.tasks.relateOpportunity(taskID: task.id, opportunityID: opportunityID,
                                                                expectedVersion: task.version)
                    }
                    if let saved {
                        app.show(message: "Related the task “\(saved.subject)”")
                        done(saved)
                    }
                }
            }
        })
    }
}
