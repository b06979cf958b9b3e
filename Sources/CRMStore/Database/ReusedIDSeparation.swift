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
/// Each earlier holder takes a fresh id from its table's sequence (so it is never handed out)
/// and keeps
/// - its own rows, written before the next holder began; a row a lead merge moved in counts from
///   the merge, the "mergedFrom" row that names where it came from;
/// - every reference to it written meanwhile in any history: a field value naming it ("152",
///   "#152" or "#152 Name") and the origin of rows merged away from it (`merged_from_id`).
///
/// The last holder keeps the id and everything written since it began. References are found in
/// one pass over the journal per kind, however many ids were reused.
struct ReusedIDSeparation {
    let db: Database

    /// An earlier holder of a reused id: the journal rows written while it held the id, and the
    /// id it has from now on.
    private struct Holder {
        let written: Range<Int64>
        let fresh: Int64
    }

    /// The earlier holders of each reused id, by kind and id.
    private typealias Holders = [EntityKind: [Int64: [Holder]]]

    func run() throws {
        var holders: Holders = [:]
        let deleted = try Row.fetchAll(db, sql: "SELECT DISTINCT entity, entity_id FROM journal WHERE action = 'delete'")
        for record in deleted {
            guard let kind = EntityKind(rawValue: record["entity"]), let table = Schema.journaledTable(of: kind) else { continue }
            let id: Int64 = record["entity_id"]
            let earlier = try separateOwnRows(kind, table: table, id: id)
            if !earlier.isEmpty { holders[kind, default: [:]][id] = earlier }
        }
        for (kind, ids) in holders {
            try repointValues(naming: kind, ids)
        }
        if !holders.isEmpty { try repointMergeOrigins(holders) }
    }

    /// One row of a record's history, as far as telling whose it is needs.
    private struct HistoryRow {
        let id: Int64
        let action: String
        let field: String?
        let newValue: String?
        let mergedFromID: Int64?
    }

    /// Moves the rows of each earlier holder of `id` to a fresh id; returns those holders.
    private func separateOwnRows(_ kind: EntityKind, table: String, id: Int64) throws -> [Holder] {
        let history = try Row.fetchAll(db, sql: """
            SELECT id, action, field, new_value, merged_from_id FROM journal WHERE entity = ? AND entity_id = ? ORDER BY id
            """, arguments: [kind.rawValue, id]).map {
            HistoryRow(id: $0["id"], action: $0["action"], field: $0["field"], newValue: $0["new_value"], mergedFromID: $0["merged_from_id"])
        }
        let beginnings = Self.laterHoldersBeginnings(in: history)
        guard !beginnings.isEmpty else { return [] }
        let owners = history.map { Self.holder(of: $0, in: history, beginnings: beginnings) }
        let move = try db.makeStatement(sql: "UPDATE journal SET entity_id = ? WHERE id = ?")
        var holders: [Holder] = []
        for (index, end) in beginnings.enumerated() {
            let holder = Holder(written: (holders.last?.written.upperBound ?? Int64.min)..<end, fresh: try nextID(table))
            for (row, owner) in zip(history, owners) where owner == index {
                try move.execute(arguments: [holder.fresh, row.id])
            }
            holders.append(holder)
        }
        return holders
    }

    /// The ids of the rows that follow a `delete` of the same record, each the first row of the
    /// next holder of the id. Rows merged in from other records do not count: they were written
    /// before they moved here.
    private static func laterHoldersBeginnings(in history: [HistoryRow]) -> [Int64] {
        var beginnings: [Int64] = []
        var deleted = false
        for row in history where row.mergedFromID == nil {
            if deleted { beginnings.append(row.id) }
            deleted = row.action == JournalAction.delete.rawValue
        }
        return beginnings
    }

    /// Which holder of the id `row` belongs to: 0 for the first, one more after each beginning.
    /// A merged row belongs where its merge's "mergedFrom" row does.
    private static func holder(of row: HistoryRow, in history: [HistoryRow], beginnings: [Int64]) -> Int {
        if let origin = row.mergedFromID,
           let merge = history.first(where: { $0.id > row.id && $0.field == "mergedFrom" && $0.newValue?.hasPrefix("#\(origin) ") == true }) {
            return holder(of: merge, in: history, beginnings: beginnings)
        }
        return beginnings.count(where: { $0 <= row.id })
    }

    private func nextID(_ table: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(
            db, sql: "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = ? RETURNING seq", arguments: [table]) else {
            throw DatabaseError(message: "v22 found no id sequence for \(table)")
        }
        return id
    }

    /// Re-points the values of the fields naming a record of `kind` that name an earlier holder
    /// and were written while it held the id.
    private func repointValues(naming kind: EntityKind, _ holders: [Int64: [Holder]]) throws {
        guard let fields = Self.referenceFields[kind] else { return }
        var changes: [(row: Int64, old: String?, new: String?)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, old_value, new_value FROM journal WHERE \(fields)")
        while let row = try rows.next() {
            let (id, old, new): (Int64, String?, String?) = (row["id"], row["old_value"], row["new_value"])
            let repointedOld = Self.repointed(old, writtenAt: id, holders), repointedNew = Self.repointed(new, writtenAt: id, holders)
            if repointedOld != nil || repointedNew != nil {
                changes.append((id, repointedOld ?? old, repointedNew ?? new))
            }
        }
        let update = try db.makeStatement(sql: "UPDATE journal SET old_value = ?, new_value = ? WHERE id = ?")
        for change in changes {
            try update.execute(arguments: [change.old, change.new, change.row])
        }
    }

    /// `value` with the earlier holder it names replaced by its fresh id ("152", "#152" or
    /// "#152 Name" as the journal writes them); `nil` when it names none.
    private static func repointed(_ value: String?, writtenAt row: Int64, _ holders: [Int64: [Holder]]) -> String? {
        guard let value else { return nil }
        let tag = value.hasPrefix("#") ? "#" : ""
        let digits = value.dropFirst(tag.count).prefix { $0.isASCII && $0.isNumber }
        let rest = value.dropFirst(tag.count + digits.count)
        guard let id = Int64(digits), rest.isEmpty || (!tag.isEmpty && rest.hasPrefix(" ")),
              let holder = holders[id]?.first(where: { $0.written.contains(row) }) else { return nil }
        return "\(tag)\(holder.fresh)\(rest)"
    }

    /// Re-points the origin of rows merged away from an earlier holder while it held the id.
    private func repointMergeOrigins(_ holders: Holders) throws {
        let merged = try Row.fetchAll(db, sql: "SELECT id, entity, merged_from_id FROM journal WHERE merged_from_id IS NOT NULL")
        let update = try db.makeStatement(sql: "UPDATE journal SET merged_from_id = ? WHERE id = ?")
        for row in merged {
            let id: Int64 = row["id"]
            guard let kind = EntityKind(rawValue: row["entity"]),
                  let holder = holders[kind]?[row["merged_from_id"]]?.first(where: { $0.written.contains(id) }) else { continue }
            try update.execute(arguments: [holder.fresh, id])
        }
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
