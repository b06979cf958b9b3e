import Foundation

/// A possible deal with an account (OP-1), as stored.
///
/// The editable fields live in `fields` and read as the opportunity's own; the names of the
/// records it points to are joined in for lists and cards.
@dynamicMemberLookup
public struct Opportunity: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: OpportunityDraft
    public var accountName: String?
    public var ownerName: String?
    public var statusName: String
    public var statusKind: StatusKind
    public var statusColour: StatusColour
    /// The probability in effect: the opportunity's own, else its status's default.
    public var effectiveProbability: Int
    /// The amount in base-currency minor units at the rates of the last save, -1 without an
    /// amount: the key of the amount sort.
    public var sortAmount: Int64
    public var createdByID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(
        id: Int64, fields: OpportunityDraft, accountName: String?, ownerName: String?, statusName: String,
        statusKind: StatusKind, statusColour: StatusColour, effectiveProbability: Int, sortAmount: Int64 = -1, createdByID: Int64,
        createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.fields = fields
        self.accountName = accountName
        self.ownerName = ownerName
        self.statusName = statusName
        self.statusKind = statusKind
        self.statusColour = statusColour
        self.effectiveProbability = effectiveProbability
        self.sortAmount = sortAmount
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// Its fields with the status set to `statusID`: what a move to that status starts from.
    public func fields(movedTo statusID: Int64) -> OpportunityDraft {
        var moved = fields
        moved.statusID = statusID
        return moved
    }

    /// The close-date sort key of an opportunity without a date: after every ISO date.
    public static let noCloseDateKey = "~"

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<OpportunityDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
