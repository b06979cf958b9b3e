import GRDB

/// The `projects` table: its name and the columns of its own, named once for writes and reads.
/// Projects have no creator; their other common columns are in `RecordColumns`.
enum ProjectTable {
    static let name = "projects"

    static let projectName = Column("name")
    static let identifier = Column("identifier")
    static let parentID = Column("parent_id")
    static let description = Column("description")
    static let crmEnabled = Column("crm_enabled")
    static let includeSubprojects = Column("include_subprojects")
    static let sortName = Column("sort_name")
}
