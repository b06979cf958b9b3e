import Foundation

/// A customer, prospect or partner organisation or person (AC-2) as stored.
///
/// The editable fields live in `fields` and read as if they were the account's own
/// (`account.city`), so forms edit a copy of `fields` and the store compares old and new drafts
/// for the journal.
@dynamicMemberLookup
public struct Account: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: AccountDraft
    /// The name lists show: computed by the store from the fields and the account type.
    public var displayName: String
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7): an update must name the version it was based on.
    public var version: Int
    /// Whether the user the record was read for marked it as a favourite.
    public var isFavourite: Bool

    public init(
        id: Int64, fields: AccountDraft, displayName: String, createdByID: Int64,
        createdAt: Date, updatedAt: Date, version: Int, isFavourite: Bool = false
    ) {
        self.id = id
        self.fields = fields
        self.displayName = displayName
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.isFavourite = isFavourite
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<AccountDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
