import Foundation

/// A stored task (PR-2) with the names of what it points to, for lists.
///
/// Named `TaskRecord` rather than `Task` so it never shadows Swift's concurrency `Task`.
@dynamicMemberLookup
public struct TaskRecord: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: TaskDraft
    /// The primary account (the first related one unless another was made primary).
    public var primaryAccountID: Int64?
    public var primaryAccountName: String?
    public var assigneeName: String?
    public var projectName: String?
    /// The key of the primary-account sort and grouping (`accountSortKey`).
    public var sortAccount: String
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7); relating accounts and opportunities raises it too.
    public var version: Int

    public init(
        id: Int64, fields: TaskDraft, primaryAccountID: Int64?, primaryAccountName: String?, assigneeName: String?,
        projectName: String?, sortAccount: String, createdByID: Int64, createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.fields = fields
        self.primaryAccountID = primaryAccountID
        self.primaryAccountName = primaryAccountName
        self.assigneeName = assigneeName
        self.projectName = projectName
        self.sortAccount = sortAccount
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TaskDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }

    /// The due-date sort key: the ISO date, or "~" (after every date) without one.
    public var sortDue: String { fields.dueDate?.description ?? Self.noDueDateKey }

    public static let noDueDateKey = "~"

    /// The sort key of tasks without a primary account: U+10FFFF, after every name.
    public static let noAccountKey = "\u{10FFFF}"

    /// The primary-account sort key: the folded name, then the account id (so two accounts of
    /// one name still form two separate groups), after a U+0001 that sorts the group of "Acme"
    /// before that of "Acme Corp". The store's rename trigger builds the same text in SQL.
    public static func accountSortKey(foldedName: String, accountID: Int64) -> String {
        foldedName + "\u{1}" + String(repeating: "0", count: max(0, 19 - String(accountID).count)) + String(accountID)
    }
}

/// An account related to a task, in relation order.
public struct TaskAccountLink: Sendable, Hashable, Identifiable {
    public var accountID: Int64
    public var name: String
    public var isPrimary: Bool
    public var id: Int64 { accountID }

    public init(accountID: Int64, name: String, isPrimary: Bool) {
        self.accountID = accountID
        self.name = name
        self.isPrimary = isPrimary
    }
}

/// An opportunity related to a task.
public struct TaskOpportunityLink: Sendable, Hashable, Identifiable {
    public var opportunityID: Int64
    public var name: String
    public var statusName: String
    public var id: Int64 { opportunityID }

    public init(opportunityID: Int64, name: String, statusName: String) {
        self.opportunityID = opportunityID
        self.name = name
        self.statusName = statusName
    }
}

/// A record a new task starts related to (OP-5 "add related task" from an opportunity).
public enum TaskRelation: Sendable, Hashable {
    case account(Int64)
    case opportunity(Int64)
}
