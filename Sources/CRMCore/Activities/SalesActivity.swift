import Foundation

/// A sales activity as stored (SA-1): the editable fields read as its own, plus the names a
/// timeline shows beside them.
@dynamicMemberLookup
public struct SalesActivity: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: SalesActivityDraft
    public var categoryName: String
    public var ownerName: String
    /// The name of the opportunity the activity belongs to, so an account's timeline can say
    /// which of its opportunities an entry comes from; `nil` for other targets.
    public var opportunityName: String?
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(
        id: Int64, fields: SalesActivityDraft, categoryName: String, ownerName: String, opportunityName: String?,
        createdByID: Int64, createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.fields = fields
        self.categoryName = categoryName
        self.ownerName = ownerName
        self.opportunityName = opportunityName
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The activity's place in a timeline (newest first, then by id): the keyset cursor.
    public var timelineCursor: PageCursor {
        PageCursor(keys: [.integer(fields.at.millisecondsSince1970)], id: id)
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<SalesActivityDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
