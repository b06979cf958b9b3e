import CRMCore
import GRDB

/// The configurable reasons a deal was lost (OP-2, ST-5): Price, Competitor, No budget… to
/// begin with, in pick-list order, journaled, and never deleted while opportunities name them.
public struct LostReasonRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private var reasons: NamedTypes<LostReason> {
        NamedTypes(database: database, actor: actor, table: LostReasonTable.name, entity: .lostReason,
                   usedBy: (OpportunityTable.name, OpportunityTable.lostReasonID.name, "opportunity", "opportunities"))
    }

    /// Every reason in pick-list order.
    public func list() throws -> [LostReason] { try reasons.list() }

    /// Adds a reason named `name` at the end of the list.
    public func create(name: String) throws -> LostReason { try reasons.create(name: name) }

    /// Renames the reason if it is still at `expectedVersion`.
    public func rename(id: Int64, to name: String, expectedVersion: Int) throws -> LostReason {
        try reasons.rename(id: id, to: name, expectedVersion: expectedVersion)
    }

    /// Puts the reasons in the order of `ids`, which must list every reason once.
    public func reorder(_ ids: [Int64]) throws -> [LostReason] { try reasons.reorder(ids) }

    /// Deletes the reason if it is still at `expectedVersion` and no opportunity names it.
    public func delete(id: Int64, expectedVersion: Int) throws { try reasons.delete(id: id, expectedVersion: expectedVersion) }
}

extension AppDatabase {
    /// The reasons a deal was lost, changed on behalf of `user`.
    public func lostReasons(actingAs user: User) -> LostReasonRepository {
        LostReasonRepository(database: self, actor: user)
    }
}
