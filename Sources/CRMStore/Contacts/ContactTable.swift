import GRDB

/// The `contacts` table: its name and the columns of its own, named once for writes and reads.
/// The columns every record has are in `RecordColumns`.
enum ContactTable {
    static let name = "contacts"

    static let typeID = Column("type_id")
    /// The employer; `NULL` for a contact of no account.
    static let accountID = Column("account_id")
    static let firstName = Column("first_name")
    static let lastName = Column("last_name")
    static let jobTitle = Column("job_title")
    static let email = Column("email")
    static let phone = Column("phone")
    static let mobile = Column("mobile")
    static let messenger = Column("messenger")
    static let note = Column("note")
    /// The partner the contact consults for (PA-2); set by linking, not by the contact form.
    static let partnerID = Column("partner_id")
    static let isAnonymized = Column("is_anonymized")

    /// Copies of the account's display name and, for a private account, its creator (derived).
    static let accountName = Column("account_name")
    static let privateOwnerID = Column("private_owner_id")
    static let sortName = Column("sort_name")
    static let sortAccount = Column("sort_account")
    static let searchText = Column("search_text")
}
