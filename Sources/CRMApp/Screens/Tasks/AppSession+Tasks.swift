import CRMStore

extension AppSession {
    /// The tasks the user may see and change.
    public var tasks: TaskRepository { database.tasks(actingAs: user) }
    /// The project tree, changed on the user's behalf.
    public var projects: ProjectRepository { database.projects(actingAs: user) }
}
