import GRDB

/// The `partners` table: its name and the columns of its own, named once for writes and reads.
/// The columns every record has are in `RecordColumns`.
enum PartnerTable {
    static let name = "partners"

    static let partnerName = Column("name")
    static let email = Column("email")
    static let phone = Column("phone")
    static let city = Column("city")
    static let country = Column("country")
    static let note = Column("note")

    /// The folded name (derived).
    static let sortName = Column("sort_name")
    static let searchText = Column("search_text")
}
