import GRDB

/// The `opportunities` table: its name and the columns of its own, named once for writes and
/// reads. The columns every record has are in `RecordColumns`.
enum OpportunityTable {
    static let name = "opportunities"

    static let opportunityName = Column("name")
    static let accountID = Column("account_id")
    static let contactID = Column("contact_id")
    static let projectID = Column("project_id")
    static let statusID = Column("status_id")
    /// The opportunity's own win probability; NULL takes the status's default.
    static let probability = Column("probability")
    /// The amount in minor units of `currency`.
    static let amountMinor = Column("amount_minor")
    static let currency = Column("currency")
    /// `YYYY-MM-DD`.
    static let expectedClose = Column("expected_close")
    static let ownerID = Column("owner_id")
    static let partnerID = Column("partner_id")
    static let description = Column("description")
    /// `YYYY-MM-DD`.
    static let closedOn = Column("closed_on")
    static let lostReasonID = Column("lost_reason_id")

    /// Copied from the account (`OpportunityColumns.refresh` keeps them current).
    static let accountName = Column("account_name")
    static let privateOwnerID = Column("private_owner_id")
    static let sortName = Column("sort_name")
    static let sortAccount = Column("sort_account")
    /// The amount in base-currency minor units, -1 without an amount.
    static let sortAmount = Column("sort_amount")
    static let sortClose = Column("sort_close")
    static let searchText = Column("search_text")
}
