/// A record under optimistic locking (ST-7): every write names the version it read, and a write
/// against an older version is refused with `StaleRecordError` carrying the stored record.
public protocol Versioned: Sendable {
    var version: Int { get }
}

extension Account: Versioned {}
extension AccountType: Versioned {}
extension ExchangeRate: Versioned {}
extension Lead: Versioned {}
extension LeadSplitFilter: Versioned {}
extension Opportunity: Versioned {}
extension OpportunityStatus: Versioned {}
extension Partner: Versioned {}
extension PersonalContact: Versioned {}
extension Project: Versioned {}
extension SalesActivity: Versioned {}
extension SavedFilter: Versioned {}
extension StoredLeadRule: Versioned {}
extension TaskRecord: Versioned {}
