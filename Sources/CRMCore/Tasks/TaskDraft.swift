import Foundation

/// Where a task stands (PR-2): a small fixed set, so lists can colour and filter by it.
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    case new
    case inProgress = "in-progress"
    case waiting, done, rejected

    public var title: String {
        switch self {
        case .new: "New"
        case .inProgress: "In progress"
        case .waiting: "Waiting"
        case .done: "Done"
        case .rejected: "Rejected"
        }
    }

    /// Done and rejected tasks need no more work.
    public var isClosed: Bool { self == .done || self == .rejected }
}

/// The user-editable fields of a task (a ticket, PR-2). Related accounts and opportunities are
/// separate links, changed one at a time (`TaskAccountRelations`).
public struct TaskDraft: Sendable, Hashable, Journaled {
    /// The keys of the fields, as used by `FieldError.field` and the journal.
    public enum Field: String, Sendable, CaseIterable {
        case subject, status, assigneeID, dueDate, projectID, description
    }

    public var subject: String
    public var status: TaskStatus = .new
    public var assigneeID: Int64?
    public var dueDate: CalendarDate?
    /// Every task belongs to a project; optional here only so a form can start empty.
    public var projectID: Int64?
    public var description = ""

    public init(subject: String, projectID: Int64?) {
        self.subject = subject
        self.projectID = projectID
    }

    /// Checks the fields on their own; the store checks that the references exist.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.subject.rawValue, message: "A task needs a subject."))
        } else if let error = FieldRules.check(subject, field: Field.subject.rawValue, label: "Subject",
                                                limit: FieldRules.lineLimit) {
            errors.append(error)
        }
        if projectID == nil {
            errors.append(FieldError(field: Field.projectID.rawValue, message: "Choose the project the task belongs to."))
        }
        if let error = FieldRules.check(description, field: Field.description.rawValue, label: "Description",
                                         limit: FieldRules.noteLimit) {
            errors.append(error)
        }
        return errors
    }

    public var journalValues: [(field: String, value: String)] {
        [(Field.subject.rawValue, subject), (Field.status.rawValue, status.rawValue),
         (Field.assigneeID.rawValue, assigneeID.journalText), (Field.dueDate.rawValue, dueDate?.description ?? ""),
         (Field.projectID.rawValue, projectID.journalText), (Field.description.rawValue, description)]
    }
}
