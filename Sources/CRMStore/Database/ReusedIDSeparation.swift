import CRMCore
import GRDB

/// Separates histories that share an id, written before v22 made ids unique for good.
///
/// Before v22 a record created after the newest one was deleted got the deleted record's id, so
/// the journal holds, under one `(entity, entity_id)`, the rows of two or more records in turn.
/// Nothing is written about a deleted record, so the first row after a `delete` row begins the
/// next record (its `create` row, or for an exchange rate the update that set it).
///
/// The rule: a journal row belongs to the record that held the id when the row was written.
/// Each earlier record takes a fresh id from its table's sequence (so it is never handed out)
/// and keeps
/// - its own rows, written before the next record began; a row a lead merge moved in counts from
///   the merge, the "mergedFrom" row that names where it came from;
/// - every reference to it written meanwhile in any history: a field value naming it ("152",
///   "#152" or "#152 Name") and the origin of rows merged away from it (`merged_from_id`).
///
/// The last record keeps the id and everything written since it began.
struct ReusedIDSeparation {
    let db: Database

    func run() throws {
        let deleted = try Row.fetchAll(db, sql: "SELECT DISTINCT entity, entity_id FROM journal WHERE action = 'delete'")
        for record in deleted {
            guard let kind = EntityKind(rawValue: record["entity"]), let table = Schema.journaledTable(of: kind) else { continue }
            try separate(kind, table: table, id: record["entity_id"])
        }
    }

    /// One row of a record's history, as far as telling whose it is needs.
    private struct HistoryRow {
        let id: Int64
        let action: String
        let field: String?
        let newValue: String?
        let mergedFromID: Int64?
    }

    private func separate(_ kind: EntityKind, table: String, id: Int64) throws {
        let history = try Row.fetchAll(db, sql: """
            SELECT id, action, field, new_value, merged_from_id FROM journal WHERE entity = ? AND entity_id = ? ORDER BY id
            """, arguments: [kind.rawValue, id]).map {
            HistoryRow(id: $0["id"], action: $0["action"], field: $0["field"], newValue: $0["new_value"], mergedFromID: $0["merged_from_id"])
        }
        let recreations = Self.recreations(in: history)
        guard !recreations.isEmpty else { return }
        let owners = history.map { Self.incarnation(of: $0, in: history, recreations: recreations) }
        let move = try db.makeStatement(sql: "UPDATE journal SET entity_id = ? WHERE id = ?")
        // References to a record come after its `create` row, where the journal has one (seeded
        // types and statuses have none): spans stay short for the usual case, a record deleted
        // soon after it was made, on a journal of millions of rows.
        let creation = history.first { $0.mergedFromID == nil }.flatMap { $0.action == JournalAction.create.rawValue ? $0.id : nil }
        var start = creation ?? Int64.min
        for (earlier, end) in recreations.enumerated() {
            let fresh = try nextID(table)
            for (row, owner) in zip(history, owners) where owner == earlier {
                try move.execute(arguments: [fresh, row.id])
            }
            try repointReferences(to: id, of: kind, writtenIn: start..<end, to: fresh)
            start = end
        }
    }

    /// The ids of the rows that follow a `delete` of the same record, each the first row of the
    /// next record that held the id. Rows merged in from other records do not count: they were
    /// written before they moved here.
    private static func recreations(in history: [HistoryRow]) -> [Int64] {
        var recreations: [Int64] = []
        var deleted = false
        for row in history where row.mergedFromID == nil {
            if deleted { recreations.append(row.id) }
            deleted = row.action == JournalAction.delete.rawValue
        }
        return recreations
    }

    /// Which of the records that held the id `row` belongs to: 0 for the first, one more after
    /// each re-creation. A merged row belongs where its merge's "mergedFrom" row does.
    private static func incarnation(of row: HistoryRow, in history: [HistoryRow], recreations: [Int64]) -> Int {
        if let origin = row.mergedFromID,
           let merge = history.first(where: { $0.id > row.id && $0.field == "mergedFrom" && $0.newValue?.hasPrefix("#\(origin) ") == true }) {
            return incarnation(of: merge, in: history, recreations: recreations)
        }
        return recreations.count(where: { $0 <= row.id })
    }

    private func nextID(_ table: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(
            db, sql: "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = ? RETURNING seq", arguments: [table]) else {
            throw DatabaseError(message: "v22 found no id sequence for \(table)")
        }
        return id
    }

    /// Re-points references to record `id` of `kind` in journal rows written within `span`:
    /// values of the fields that name such records, and the origin of merged rows.
    private func repointReferences(to id: Int64, of kind: EntityKind, writtenIn span: Range<Int64>, to fresh: Int64) throws {
        try db.execute(sql: """
            UPDATE journal SET merged_from_id = ? WHERE entity = ? AND merged_from_id = ? AND id >= ? AND id < ?
            """, arguments: [fresh, kind.rawValue, id, span.lowerBound, span.upperBound])
        guard let fields = Self.referenceFields[kind] else { return }
        func refers(_ column: String) -> String { "(\(column) IN (:plain, :tagged) OR \(column) LIKE :named)" }
        func repointed(_ column: String) -> String {
            "CASE WHEN \(column) = :plain THEN :freshPlain WHEN \(refers(column)) THEN :freshTagged || substr(\(column), :rest) ELSE \(column) END"
        }
        try db.execute(sql: """
            UPDATE journal SET old_value = \(repointed("old_value")), new_value = \(repointed("new_value"))
            WHERE id >= :start AND id < :end AND (\(fields)) AND (\(refers("old_value")) OR \(refers("new_value")))
            """, arguments: [
                "plain": "\(id)", "tagged": "#\(id)", "named": "#\(id) %", "freshPlain": "\(fresh)", "freshTagged": "#\(fresh)",
                "rest": "#\(id)".count + 1, "start": span.lowerBound, "end": span.upperBound,
            ])
    }

    /// The journal fields whose values name a record of each kind (SQL over a journal row), as
    /// the journal wrote them up to v21; `JournalNames` shows the same fields as names. Kept
    /// here rather than shared, so this step keeps meaning what it meant when it ran.
    private static let referenceFields: [EntityKind: String] = [
        .account: "field IN ('accountID', 'account', 'primaryAccountID', 'relatedAccount')",
        .contact: "field IN ('contactID', 'contact')",
        .opportunity: "field IN ('opportunityID', 'opportunity', 'relatedOpportunity')",
        .lead: "field IN ('duplicateOf', 'mergedInto', 'mergedFrom')",
        .partner: "field = 'partnerID'",
        .project: "field IN ('projectID', 'parentID')",
        .campaign: "field = 'campaignID'",
        .lostReason: "field = 'lostReasonID'",
        .leadSplitFilter: "field = 'splitFilter'",
        .activityCategory: "field = 'categoryID'",
        .contactType: "field = 'typeID' AND entity = 'contact'",
        .accountType: "field = 'typeID' AND entity <> 'contact'",
        .opportunityStatus: "field = 'statusID' AND entity = 'opportunity'",
        .user: "field IN ('assigneeID', 'accountManagerID', 'ownerID')",
    ]
}
