import Foundation

/// A lead as stored (LD-1): its fields, whether it is archived, when it was first touched by a
/// sales activity, and its optimistic-lock version.
@dynamicMemberLookup
public struct Lead: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: LeadDraft
    public var statusName: String
    public var statusKind: LeadStatusKind
    public var isArchived: Bool
    /// When the first sales activity on the lead was logged; `nil` for an untouched lead.
    public var touchedAt: Date?
    /// Who typed it in; `nil` for leads that came through the intake endpoint.
    public var createdByID: Int64?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int
    /// The earlier lead this one shares an e-mail, phone or name+company with (LP-7): flagged
    /// and linked, never merged silently.
    public var duplicateOfID: Int64?
    /// What the lead was added to or became, how it arrived and was routed.
    public var history: LeadHistory

    public init(id: Int64, fields: LeadDraft, statusName: String, statusKind: LeadStatusKind, isArchived: Bool,
                touchedAt: Date?, createdByID: Int64?, createdAt: Date, updatedAt: Date, version: Int,
                duplicateOfID: Int64? = nil, history: LeadHistory = LeadHistory()) {
        self.id = id
        self.fields = fields
        self.statusName = statusName
        self.statusKind = statusKind
        self.isArchived = isArchived
        self.touchedAt = touchedAt
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.duplicateOfID = duplicateOfID
        self.history = history
    }

    public var displayName: String { fields.displayName }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<LeadDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}

/// Where a lead status sits: still new, being worked, qualified into an opportunity, or
/// disqualified (LD-5, LD-6). Views and reports look at the kind, never at the name.
public enum LeadStatusKind: String, Sendable, Hashable, CaseIterable {
    case new, working, qualified, disqualified

    /// Open leads are those still to be worked: new or working.
    public var isOpen: Bool { self == .new || self == .working }
}

/// One configurable lead status.
public struct LeadStatus: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: LeadStatusKind
    public var position: Int

    public init(id: Int64, name: String, kind: LeadStatusKind, position: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.position = position
    }
}
