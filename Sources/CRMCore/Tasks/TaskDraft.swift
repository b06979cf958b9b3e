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
public struct TaskDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for the form, its checks and the history.
    public enum Field: String, DeclaredField {
        case subject, status, assigneeID, dueDate, projectID, description

        public var spec: FieldSpec {
            switch self {
            case .subject: FieldSpec("Subject", .line)
            case .status: FieldSpec("Status", .choice)
            case .assigneeID: FieldSpec("Assignee", .reference(.user))
            case .dueDate: FieldSpec("Due date", .date)
            case .projectID: FieldSpec("Project", .reference(.project))
            case .description: FieldSpec("Description", .note)
            }
        }
    }

    /// What the journal of a task records besides its fields: changes of its links, which
    /// are saved one at a time rather than with the draft.
    public enum Event: String, DeclaredField {
        case relatedAccount
        case primaryAccountID
        case relatedOpportunity

        public var spec: FieldSpec {
            switch self {
            case .relatedAccount: FieldSpec("Related account", .reference(.account))
            case .primaryAccountID: FieldSpec("Primary account", .reference(.account))
            case .relatedOpportunity: FieldSpec("Related opportunity", .reference(.opportunity))
            }
        }
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
        }
        if projectID == nil {
            errors.append(FieldError(field: Field.projectID.rawValue, message: "Choose the project the task belongs to."))
        }
        errors += textProblems()
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .subject: subject
        case .status: status.rawValue
        case .assigneeID: assigneeID.journalText
        case .dueDate: dueDate?.description ?? ""
        case .projectID: projectID.journalText
        case .description: description
        }
    }
}
