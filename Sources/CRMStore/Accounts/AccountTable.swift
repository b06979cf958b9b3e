import GRDB

/// The `accounts` table: its name and the columns of its own, named once for writes and reads.
/// The columns every record has are in `RecordColumns`.
enum AccountTable {
    static let name = "accounts"

    static let typeID = Column("type_id")
    static let firstName = Column("first_name")
    static let lastName = Column("last_name")
    static let organisationName = Column("name")
    static let email = Column("email")
    static let phone = Column("phone")
    static let street = Column("street")
    static let city = Column("city")
    static let postcode = Column("postcode")
    static let country = Column("country")
    static let registrationNumber = Column("registration_number")
    static let vatNumber = Column("vat_number")
    static let industry = Column("industry")
    static let note = Column("note")
    static let isGlobal = Column("is_global")
    static let isPrivate = Column("is_private")
    static let isKeyAccount = Column("is_key_account")
    static let accountManagerID = Column("account_manager_id")
    static let employees = Column("employees")
    /// Exact decimal text, e.g. `"1234.5"`, in `revenueCurrency`.
    static let annualRevenue = Column("annual_revenue")
    static let revenueCurrency = Column("revenue_currency")
    /// `YYYY-MM-DD`.
    static let customerSince = Column("customer_since")

    /// "First Last" or the organisation name, as the account's type says (derived).
    static let displayName = Column("display_name")
    static let sortName = Column("sort_name")
    static let sortCity = Column("sort_city")
    static let searchText = Column("search_text")
}
