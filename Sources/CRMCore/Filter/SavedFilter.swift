/// The lists that can have saved filters (FI-1); the raw value is stored with each filter.
public enum FilterList: String, Sendable, Hashable, CaseIterable {
    case accounts, contacts, opportunities, board, tasks, partners, leads

    public var title: String {
        switch self {
        case .accounts: "Accounts"
        case .contacts: "Personal contacts"
        case .opportunities: "Opportunities"
        case .board: "Opportunity board"
        case .tasks: "Tasks"
        case .partners: "Partners"
        case .leads: "Leads"
        }
    }
}

/// A named view of a list (FI-1): its conditions in the filter language (FI-2), the columns
/// shown, the sort and the grouping; personal, or public for everyone.
public struct SavedFilter: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: SavedFilterDraft
    /// Who made it; only they (and administrators) may change it.
    public var ownerID: Int64
    /// The roles that open the list with this filter.
    public var defaultForRoles: [Role]
    public var version: Int

    public init(id: Int64, fields: SavedFilterDraft, ownerID: Int64, defaultForRoles: [Role], version: Int) {
        self.id = id
        self.fields = fields
        self.ownerID = ownerID
        self.defaultForRoles = defaultForRoles
        self.version = version
    }

    public var name: String { fields.name }
    public var list: FilterList { fields.list }
}

/// The editable part of a saved filter.
public struct SavedFilterDraft: Sendable, Hashable, Journaled {
    public enum Field: String, Sendable, CaseIterable {
        case name, list, query, columns, sort, ascending, grouping, isPublic
    }

    public var name: String
    public var list: FilterList
    /// The conditions, written in the filter language.
    public var query: String
    /// The titles of the columns shown, in order; empty means the list's default columns.
    public var columns: [String]
    /// The sort key of the list (its sort's name), or `nil` for the list's default.
    public var sort: String?
    public var ascending: Bool
    /// The grouping key of the list (e.g. "status"), or `nil` for none.
    public var grouping: String?
    public var isPublic: Bool

    public init(name: String, list: FilterList, query: String = "", columns: [String] = [], sort: String? = nil,
                ascending: Bool = true, grouping: String? = nil, isPublic: Bool = false) {
        self.name = name
        self.list = list
        self.query = query
        self.columns = columns
        self.sort = sort
        self.ascending = ascending
        self.grouping = grouping
        self.isPublic = isPublic
    }

    /// Checks what needs no database: a name, and lengths. The store checks the query against
    /// the list's filter fields and that the name is free.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "A saved filter needs a name."))
        } else if let error = FieldRules.check(name, field: Field.name.rawValue, label: "Name", limit: 80) {
            errors.append(error)
        }
        if let error = FieldRules.check(query, field: Field.query.rawValue, label: "Filter", limit: 1_000) {
            errors.append(error)
        }
        return errors
    }

    public var journalValues: [(field: String, value: String)] {
        [(Field.name.rawValue, name), (Field.list.rawValue, list.rawValue), (Field.query.rawValue, query),
         (Field.columns.rawValue, columns.joined(separator: ", ")), (Field.sort.rawValue, sort ?? ""),
         (Field.ascending.rawValue, ascending ? "ascending" : "descending"), (Field.grouping.rawValue, grouping ?? ""),
         (Field.isPublic.rawValue, isPublic ? "public" : "personal")]
    }
}
