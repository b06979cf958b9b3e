import GRDB

/// The `tasks` table: its name and the columns of its own, named once for writes and reads.
/// The columns every record has are in `RecordColumns`.
enum TaskTable {
    static let name = "tasks"

    static let subject = Column("subject")
    static let status = Column("status")
    static let assigneeID = Column("assignee_id")
    /// `YYYY-MM-DD`.
    static let dueDate = Column("due_date")
    static let projectID = Column("project_id")
    static let description = Column("description")

    /// The first related account and its name, copied so lists sort and show it.
    static let primaryAccountID = Column("primary_account_id")
    static let primaryAccountName = Column("primary_account_name")
    static let sortName = Column("sort_name")
    static let sortDue = Column("sort_due")
    static let sortAccount = Column("sort_account")
    static let searchText = Column("search_text")
}
