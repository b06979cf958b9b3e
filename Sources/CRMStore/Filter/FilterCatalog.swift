import CRMCore
import GRDB

/// The fields a filter may name on one list, and where each lives in SQL.
///
/// A catalog is a snapshot: it carries the users and the choices of enumerations (types,
/// statuses) as they were when it was made, so build a fresh one when those change. Adding a
/// list is declarative: name the table alias, the search-text column and the fields (see
/// `FilterCatalog+Accounts.swift` and docs/filter-language.md).
public struct FilterCatalog: Sendable {
    /// The alias of the list's table in its queries, e.g. `a` for `accounts a`.
    public var alias: String
    /// The folded search key (`SearchText.key`): free-text words match word prefixes in it.
    public var searchTextColumn: String
    /// The FTS5 index over the search key, when the list has one: top-level words are then left
    /// to the quick filter (`CompiledFilter.words`), which answers them through the index.
    public var ftsTable: String?
    /// Who `owner:alice` and the like can name; `me` is always the acting user.
    public var users: FilterChoices
    public var fields: [FilterField]

    public init(alias: String, searchTextColumn: String = "search_text", ftsTable: String?, users: FilterChoices, fields: [FilterField]) {
        self.alias = alias
        self.searchTextColumn = searchTextColumn
        self.ftsTable = ftsTable
        self.users = users
        self.fields = fields
    }

    /// The field called `name` (or one of its aliases), case-insensitively.
    public func field(named name: String) -> FilterField? {
        let key = name.lowercased()
        return fields.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// `column` qualified with the alias; a name that already holds a dot (a joined table's
    /// column, `acc.name`) is used as it is.
    func qualified(_ column: String) -> String {
        column.contains(".") ? column : "\(alias).\(column)"
    }
}

/// One field of a catalog: its name in filters, other names it answers to, and its kind.
public struct FilterField: Sendable {
    /// Lower-case, e.g. `customer-since`.
    public var name: String
    public var aliases: [String]
    public var kind: FilterFieldKind

    public init(_ name: String, aliases: [String] = [], _ kind: FilterFieldKind) {
        self.name = name.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
        self.kind = kind
    }

    /// The filter field of a record's declared field, under the filter name it declares; a
    /// field that declares none is a mistake in the catalog, not in a user's filter.
    public init<Field: DeclaredField>(_ field: Field, _ kind: FilterFieldKind) {
        guard let declared = field.spec.filter else {
            preconditionFailure("\(Field.self).\(field.rawValue) declares no filter name")
        }
        self.init(declared.name, aliases: declared.aliases, kind)
    }

    /// When a record was created, on every list.
    static let created = FilterField("created", .timestamp(RecordColumns.createdAt.name))
    /// When a record last changed, on every list.
    static let updated = FilterField("updated", aliases: ["modified", "changed"], .timestamp(RecordColumns.updatedAt.name))
}

/// How a field is stored, which decides how its values are read and compared.
/// Associated strings are column names of the catalog's table.
public enum FilterFieldKind: Sendable {
    /// TEXT. `:` finds words starting with the value's words; `=` compares the whole folded text.
    case text(String)
    /// TEXT holding a country as it was sent: a recognised code or name (`country:de`,
    /// `country:deutschland`) matches every spelling of that country (`Country`); anything
    /// else is compared as `text`.
    case country(String)
    /// INTEGER. Fractions in values are rounded inwards (`employees>2.5` means `>= 3`).
    case number(String)
    /// An INTEGER amount in minor units with a TEXT ISO currency column.
    case money(minorUnits: String, currency: String)
    /// A TEXT decimal amount (e.g. `"1234.5"`) with a TEXT ISO currency column, compared at the
    /// currency's minor units.
    case decimalMoney(amount: String, currency: String)
    /// TEXT `YYYY-MM-DD`.
    case date(String)
    /// INTEGER milliseconds since 1970 UTC; days are bounded by midnights in the user's zone.
    case timestamp(String)
    /// INTEGER `users.id`.
    case user(String)
    /// An INTEGER id among configured choices (a type, a status).
    case enumeration(String, FilterChoices)
    /// INTEGER 0 or 1.
    case boolean(String)
    /// TEXT holding an upper-case code such as an ISO currency: `currency:usd` is
    /// `currency = 'USD'`, a plain comparison the narrow indexes answer.
    case code(String)
    /// Any column, asked only whether it has a value: `yes` is `IS NOT NULL` (or `IS NULL` when
    /// `meansPresent` is false, for fields like "unprocessed"), so partial indexes on the
    /// column's NULLs answer it.
    case presence(String, meansPresent: Bool)
    /// TEXT holding a list as ",a,b," (lead tags): `:` and `=` hold when one item equals the
    /// value, ignoring case and accents.
    case listItem(String)
    /// Users linked to the row through another table (a lead's shares): `shares:me` holds when
    /// `table` has a row with `recordColumn` = the row's id and `userColumn` = the user.
    case linkedUsers(table: String, recordColumn: String, userColumn: String)
}
