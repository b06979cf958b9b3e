/// The accounts related to one task and which of them is primary (PR-2).
///
/// The rule: the first related account becomes primary; relating more keeps the primary;
/// another related account can be made primary; when the primary is unrelated, the earliest
/// related account left (in relation order) takes over, or none when no account is left.
/// The store applies this type in the same transaction as the link rows, and a trigger applies
/// the same promotion when an account is deleted.
public struct TaskAccountRelations: Sendable, Hashable {
    /// The related accounts in the order they were related.
    public private(set) var accountIDs: [Int64]
    public private(set) var primaryID: Int64?

    public init(accountIDs: [Int64] = [], primaryID: Int64? = nil) {
        self.accountIDs = accountIDs
        self.primaryID = primaryID.flatMap { accountIDs.contains($0) ? $0 : nil } ?? accountIDs.first
    }

    /// Relates an account; the first one becomes primary.
    public mutating func relate(_ accountID: Int64) throws {
        guard !accountIDs.contains(accountID) else {
            throw RuleViolationError("This account is already related to the task.")
        }
        accountIDs.append(accountID)
        if primaryID == nil { primaryID = accountID }
    }

    /// Unrelates an account; when it was primary, the earliest related account left becomes
    /// primary.
    public mutating func unrelate(_ accountID: Int64) throws {
        guard let index = accountIDs.firstIndex(of: accountID) else {
            throw RuleViolationError("This account is not related to the task.")
        }
        accountIDs.remove(at: index)
        if primaryID == accountID { primaryID = accountIDs.first }
    }

    /// Makes a related account the primary one.
    public mutating func makePrimary(_ accountID: Int64) throws {
        guard accountIDs.contains(accountID) else {
            throw RuleViolationError("Only an account related to the task can be its primary account; relate it first.")
        }
        primaryID = accountID
    }
}
