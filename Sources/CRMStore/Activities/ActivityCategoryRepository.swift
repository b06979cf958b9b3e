import CRMCore
import GRDB

/// The configurable sales activity categories (SA-1, ST-5): Call, Meeting, E-mail and Note to
/// begin with, in pick-list order, journaled, and never deleted while activities use them.
public struct ActivityCategoryRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private var categories: NamedTypes<ActivityCategory> {
        NamedTypes(database: database, actor: actor, table: ActivityCategoryTable.name, entity: .activityCategory,
                   usedBy: (SalesActivityTable.name, SalesActivityTable.categoryID.name, "activity", "activities"))
    }

    /// Every category in pick-list order.
    public func list() throws -> [ActivityCategory] { try categories.list() }

    /// Adds a category named `name` at the end of the list.
    public func create(name: String) throws -> ActivityCategory { try categories.create(name: name) }

    /// Renames the category if it is still at `expectedVersion`.
    public func rename(id: Int64, to name: String, expectedVersion: Int) throws -> ActivityCategory {
        try categories.rename(id: id, to: name, expectedVersion: expectedVersion)
    }

    /// Puts the categories in the order of `ids`, which must list every category once.
    public func reorder(_ ids: [Int64]) throws -> [ActivityCategory] { try categories.reorder(ids) }

    /// Deletes the category if it is still at `expectedVersion` and no activity uses it.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try categories.delete(id: id, expectedVersion: expectedVersion)
    }
}
