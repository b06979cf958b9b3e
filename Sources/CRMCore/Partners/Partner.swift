import Foundation

/// A partner company (PA-1) as stored. Its people are contacts linked to it as consultants;
/// opportunities may be assigned to it.
///
/// Like `Account`, the editable fields live in `fields` and read as the partner's own.
@dynamicMemberLookup
public struct Partner: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: PartnerDraft
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(id: Int64, fields: PartnerDraft, createdByID: Int64, createdAt: Date, updatedAt: Date, version: Int) {
        self.id = id
        self.fields = fields
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<PartnerDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
