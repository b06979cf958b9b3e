import Foundation

/// A person at an account or a partner, with every way to reach them (PC-1), as stored.
///
/// Like `Account`, the editable fields live in `fields` and read as the contact's own.
@dynamicMemberLookup
public struct PersonalContact: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: ContactDraft
    /// The display name of the contact's account, joined in by queries for lists.
    public var accountName: String?
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7).
    public var version: Int
    /// Set once the personal data was erased (PC-3); such a contact can no longer be edited.
    public var isAnonymized: Bool

    public init(
        id: Int64, fields: ContactDraft, accountName: String?, createdByID: Int64,
        createdAt: Date, updatedAt: Date, version: Int, isAnonymized: Bool = false
    ) {
        self.id = id
        self.fields = fields
        self.accountName = accountName
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.isAnonymized = isAnonymized
    }

    /// "First Last", or whichever part is filled in.
    public var displayName: String { fields.displayName }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ContactDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
