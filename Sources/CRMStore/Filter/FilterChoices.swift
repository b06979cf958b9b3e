import CRMCore
import GRDB

/// The values an enumeration field (or a user field) accepts, mapped to the ids stored in the
/// column: types by name or key, statuses by name or by kind (`open`, `won`, `lost`), users by
/// login or display name.
public struct FilterChoices: Sendable {
    public struct Choice: Sendable {
        public var id: Int64
        /// The names this choice answers to; the first one is shown in error messages.
        public var names: [String]

        public init(id: Int64, names: [String]) {
            self.id = id
            self.names = names
        }
    }

    public var choices: [Choice]
    /// Names standing for several choices at once, e.g. `"open": [1, 2, 5]`.
    public var groups: [String: [Int64]]

    public init(_ choices: [Choice], groups: [String: [Int64]] = [:]) {
        self.choices = choices
        self.groups = groups
    }

    /// The ids `value` stands for: every choice or group whose name equals it (folded), or,
    /// when none does, every choice with a name whose words start with the value's words
    /// (`ali` finds Alice). `nil` when nothing matches.
    public func resolve(_ value: String) -> Set<Int64>? {
        let folded = SearchText.fold(value)
        var ids = Set(groups.filter { SearchText.fold($0.key) == folded }.flatMap(\.value))
        ids.formUnion(choices.filter { $0.names.contains { SearchText.fold($0) == folded } }.map(\.id))
        if ids.isEmpty, !SearchText.words(folded).isEmpty {
            let needle = " " + SearchText.words(folded).joined(separator: " ")
            ids.formUnion(choices.filter { $0.names.contains { SearchText.key([$0]).contains(needle) } }.map(\.id))
        }
        return ids.isEmpty ? nil : ids
    }

    /// The names to suggest when a value matches nothing.
    public var listedNames: [String] {
        choices.compactMap(\.names.first) + groups.keys.sorted()
    }

    /// Choices from a query returning `id` and then one or more name columns.
    public static func fetch(_ db: Database, sql: String) throws -> FilterChoices {
        FilterChoices(try Row.fetchAll(db, sql: sql).map { row in
            Choice(id: row[0], names: (1..<row.count).compactMap { row[$0] })
        })
    }

    /// Every user, by login and display name.
    public static func users(_ db: Database) throws -> FilterChoices {
        try fetch(db, sql: "SELECT id, login, display_name FROM users ORDER BY login")
    }
}
