import GRDB

/// The columns every configured type's table has besides `id` and `version` (`RecordColumns`):
/// its name and its place in pick lists.
enum TypeColumns {
    static let name = Column("name")
    /// 1, 2, 3… in pick-list order (`TypeOrdering`).
    static let position = Column("position")
}

/// The `account_types` table: its name and the columns of its own besides `TypeColumns`.
enum AccountTypeTable {
    static let name = "account_types"

    /// The stable key for configuration and imports, e.g. `company`.
    static let key = Column("key")
    static let usesPersonName = Column("uses_person_name")
    static let usesOrganisationName = Column("uses_organisation_name")
}

/// The `contact_types` table: a name-only type, with just `TypeColumns`.
enum ContactTypeTable {
    static let name = "contact_types"
}

/// The `opportunity_statuses` table (the board's columns): its name and the columns of its own
/// besides `TypeColumns`.
enum OpportunityStatusTable {
    static let name = "opportunity_statuses"

    /// 0…100, the default probability of an opportunity entering the status.
    static let probability = Column("probability")
    /// `open`, `won` or `lost`.
    static let kind = Column("kind")
    static let colour = Column("colour")
    /// The opportunity field keys required to enter the status, comma-separated.
    static let requiredFields = Column("required_fields")
}

/// The `lost_reasons` table: a name-only type, with just `TypeColumns`.
enum LostReasonTable {
    static let name = "lost_reasons"
}

/// The `activity_categories` table: a name-only type, with just `TypeColumns`.
enum ActivityCategoryTable {
    static let name = "activity_categories"
}
