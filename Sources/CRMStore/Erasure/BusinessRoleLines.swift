import CRMCore
import GRDB

/// The business-role lines ("First Last: role") in opportunities' history that name one person
/// in full, for anonymizing a contact (PC-3). A role removed since leaves its line on an
/// opportunity nothing links to the person any more, so only reading every role line finds it.
///
/// That read walks the opportunities' part of the journal index, which takes a while on a big
/// database, so it runs before the anonymize's write transaction (`init`), and the transaction
/// then reads only the lines found and the rows written since (`current`). Journal rows are
/// only ever added and their values only ever erased, so no other row can have come to name
/// the person meanwhile.
struct BusinessRoleLines {
    private let ids: [Int64]
    /// The last journal row the read saw.
    private let lastID: Int64

    /// Finds the lines naming `person`; call it outside the write transaction.
    init(_ db: Database, naming person: PersonMentions) throws {
        lastID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM journal") ?? 0
        ids = try Self.naming(person, Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, old_value, new_value FROM journal
            WHERE entity = \(EntityKind.opportunity.rawValue) AND field = \(OpportunityRelations.businessRolesField)
                AND id <= \(lastID)
            """))).map { $0["id"] }
    }

    /// The lines found and those written since that name `person`, as journal rows (`id`,
    /// `old_value`, `new_value`). The rows since are read by id range, not through the index.
    func current(_ db: Database, naming person: PersonMentions) throws -> [Row] {
        try Self.naming(person, Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, old_value, new_value FROM journal WHERE id IN \(ids)
            UNION ALL
            SELECT id, old_value, new_value FROM journal
            WHERE id > \(lastID) AND +entity = \(EntityKind.opportunity.rawValue)
                AND field = \(OpportunityRelations.businessRolesField)
            """)))
    }

    private static func naming(_ person: PersonMentions, _ rows: [Row]) -> [Row] {
        rows.filter { row in
            [row["old_value"], row["new_value"]].contains { (value: String?) in value.map(person.identifies) ?? false }
        }
    }
}
