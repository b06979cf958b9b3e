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
