import CRMCore

/// The version an edit form saves against (ST-7). When someone else changed the record since
/// the form was opened, the save is refused, the form merges their version into the user's
/// input (`FormMerge`), and this moves to their version: the next save starts from the record as
/// they left it, so fields the form does not show keep their latest values too.
final class EditedVersion<Record: Versioned> {
    private(set) var expected: Int
    /// The record as last read: as the form opened it, then as the last refused save found it.
    private(set) var latest: Record

    init(of record: Record) {
        expected = record.version
        latest = record
    }

    /// Runs `save` against the expected version; a stale refusal becomes a `FormConflict`
    /// showing `fields` of the stored record.
    func save<Saved>(_ save: (Int) throws -> Saved, showing fields: (Record) -> [FormField]) throws -> Saved {
        try self.save(save) { stale in FormConflict(fresh: fields(stale.fresh), noun: stale.entity.noun) }
    }

    /// Runs `save` against the expected version; a stale refusal throws what `refusal` makes of
    /// it (for forms that ask for a decision instead of showing the record's fields).
    func save<Saved>(_ save: (Int) throws -> Saved, refusal: (StaleRecordError<Record>) -> Error) throws -> Saved {
        do {
            return try save(expected)
        } catch let stale as StaleRecordError<Record> {
            expected = stale.fresh.version
            latest = stale.fresh
            throw refusal(stale)
        }
    }
}
