/// What a task list shows (PR-2): which tasks, narrowed by a filter, in what order.
public struct TaskQuery: Sendable, Hashable {
    public enum View: Sendable, Hashable {
        /// Every task the user may see.
        case all
        /// Tasks assigned to the user.
        case mine
        /// The tasks of one project, and of its subprojects when `withSubprojects`.
        case ofProject(Int64, withSubprojects: Bool)
        /// Tasks related to one account.
        case ofAccount(Int64)
        /// Tasks related to one opportunity.
        case ofOpportunity(Int64)
    }

    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Due date (tasks without one last), the default.
        case due
        case subject
        /// Primary account name, then due date: the order of the grouped list, where every
        /// account's tasks are contiguous.
        case primaryAccount
        case updated

        public var title: String {
            switch self {
            case .due: "due date"
            case .subject: "subject"
            case .primaryAccount: "primary account"
            case .updated: "last change"
            }
        }
    }

    public var view: View
    /// Filter text: words match the subject.
    public var filter: String
    public var sort: Sort
    public var ascending: Bool

    public init(view: View = .all, filter: String = "", sort: Sort = .due, ascending: Bool = true) {
        self.view = view
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
    }

    /// The paging position of `task` in lists of this sort.
    public func cursor(for task: TaskRecord) -> PageCursor {
        switch sort {
        case .due: PageCursor(keys: [.text(task.sortDue)], id: task.id)
        case .subject: PageCursor(keys: [.text(SearchText.fold(task.subject))], id: task.id)
        case .primaryAccount: PageCursor(keys: [.text(task.sortAccount), .text(task.sortDue)], id: task.id)
        case .updated: PageCursor(keys: [.integer(task.updatedAt.millisecondsSince1970)], id: task.id)
        }
    }
}
