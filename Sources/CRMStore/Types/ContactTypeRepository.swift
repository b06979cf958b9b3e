import CRMCore
import GRDB

/// The configurable personal contact types (PC-2, ST-5): listed in pick-list order, changed by
/// admins, journaled, and never deleted while contacts use them.
public struct ContactTypeRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private var types: NamedTypes<ContactType> {
        NamedTypes(database: database, actor: actor, table: ContactTypeTable.name, entity: .contactType,
                   usedBy: (ContactTable.name, ContactTable.typeID.name, "contact", "contacts"))
    }

    /// Every type in pick-list order.
    public func list() throws -> [ContactType] { try types.list() }

    /// Adds a type named `name` at the end of the list.
    public func create(name: String) throws -> ContactType { try types.create(name: name) }

    /// Renames the type if it is still at `expectedVersion`.
    public func rename(id: Int64, to name: String, expectedVersion: Int) throws -> ContactType {
        try types.rename(id: id, to: name, expectedVersion: expectedVersion)
    }

    /// Puts the types in the order of `ids`, which must list every type once.
    public func reorder(_ ids: [Int64]) throws -> [ContactType] { try types.reorder(ids) }

    /// Deletes the type if it is still at `expectedVersion` and no contact uses it.
    public func delete(id: Int64, expectedVersion: Int) throws { try types.delete(id: id, expectedVersion: expectedVersion) }
}
