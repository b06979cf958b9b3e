import CRMCore

/// An action that changes one thing of a record (archive, add to a partner or an account),
/// made against the version the user saw (ST-7). When someone else saved the record meanwhile
/// but left that thing alone, the action is made on their version instead of refused, as a form
/// merges such saves; when they changed it too, the refusal stands and the user sees the record
/// as it is now.
enum OneFieldChange {
    static func run<Record: Versioned, Value: Equatable, Saved>(
        on record: Record, changing value: (Record) -> Value, _ action: (Int) throws -> Saved
    ) throws -> Saved {
        do {
            return try action(record.version)
        } catch let stale as StaleRecordError<Record> where value(stale.fresh) == value(record) {
            return try action(stale.fresh.version)
        }
    }
}
