import GRDB

/// The `sales_activities` table: its name and the columns of its own, named once for writes
/// and reads. The columns every record has are in `RecordColumns`.
enum SalesActivityTable {
    static let name = "sales_activities"

    static let categoryID = Column("category_id")
    /// Milliseconds since 1970 UTC.
    static let at = Column("at")
    static let durationMinutes = Column("duration_minutes")
    static let outcome = Column("outcome")
    static let description = Column("description")
    static let ownerID = Column("owner_id")
    /// The record the activity is about: exactly one of these four is set.
    static let opportunityID = Column("opportunity_id")
    static let accountID = Column("account_id")
    static let partnerID = Column("partner_id")
    static let leadID = Column("lead_id")

    /// The account whose timeline shows the activity, and that account's privacy (`ActivityLink`).
    static let timelineAccountID = Column("timeline_account_id")
    static let privateOwnerID = Column("private_owner_id")
}
