import CRMCore
import GRDB

extension AppDatabase {
    /// A change to lead routing (rules, splitter filters, splitter runs) by `actor`, refused
    /// unless their role sets up routing (`Role.managesLeadRouting`).
    func changeLeadRouting<T>(as actor: User, _ updates: (Database, JournalWriter) throws -> T) throws -> T {
        if let refusal = actor.role.leadRoutingRefusal { throw RuleViolationError(refusal) }
        return try write(as: actor, updates)
    }
}
