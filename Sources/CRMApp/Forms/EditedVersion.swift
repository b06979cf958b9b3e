import CRMCore

/// The version an edit form saves against (ST-7). When someone else changed the record since
/// the form was opened, the save is refused, the form shows their version beside the user's
/// input, and this moves to their version: the next save overwrites knowingly, because the
/// user has now seen the fresh values.
final class EditedVersion<Record: Versioned> {
    private(set) var expected: Int

    init(of record: Record) { expected = record.version }

    /// Runs `save` against the expected version; a stale refusal becomes a `FormConflict`
    /// showing `fields` of the stored record.
    func save<Saved>(_ save: (Int) throws -> Saved, showing fields: (Record) -> [FormField]) throws -> Saved {
        try self.save(save) { stale in FormConflict(fresh: fields(stale.fresh), message: FormConflict.message(stale)) }
    }

    /// Runs `save` against the expected version; a stale refusal throws what `refusal` makes of
    /// it (for forms that ask for a decision instead of showing the record's fields).
    func save<Saved>(_ save: (Int) throws -> Saved, refusal: (StaleRecordError<Record>) -> Error) throws -> Saved {
        do {
            return try save(expected)
        } catch let stale as StaleRecordError<Record> {
            expected = stale.fresh.version
            throw refusal(stale)
        }
    }
}
