import CRMCore

/// A record a form just created, which the screen the form returns to selects, so Enter then
/// opens it (a new account, lead, opportunity, task, activity …).
public struct CreatedRecord: Sendable, Equatable {
    public let entity: EntityKind
    public let id: Int64

    public init(_ entity: EntityKind, id: Int64) {
        self.entity = entity
        self.id = id
    }
}
