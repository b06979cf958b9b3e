import CRMCore
import Foundation
import GRDB

/// What a merge moves from the removed lead to the kept one (LP-7), counted before the merge
/// for the confirmation and returned by it.
public struct LeadMergeMoves: Sendable, Hashable, CustomStringConvertible {
    public var activities = 0
    public var payloads = 0
    public var receipts = 0
    /// Splitter shares; they move only when the kept lead has none of its own.
    public var shares = 0
    /// Other leads flagged as duplicates of the removed one.
    public var duplicates = 0

    public init() {}

    /// True when the removed lead has nothing linked that would move.
    public var isEmpty: Bool { activities + payloads + receipts + shares + duplicates == 0 }

    /// "3 activities, 1 payload", or "nothing" when the removed lead has nothing linked.
    public var description: String {
        let parts = [(activities, "activity", "activities"), (payloads, "payload", "payloads"),
                     (receipts, "intake receipt", "intake receipts"), (shares, "share", "shares"),
                     (duplicates, "linked duplicate", "linked duplicates")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

/// Two leads about to be merged as the merge screen shows them: both records, which identity
/// keys they share, what will move, and the names behind the rows that hold references.
public struct LeadMergePreview: Sendable {
    public var kept: Lead
    public var removed: Lead
    /// The keys they share; `nil` when they no longer share any (edited since intake).
    public var match: DuplicateMatch?
    public var moves: LeadMergeMoves
    /// Display text of the reference rows (campaign, status, assignee, project) per side.
    public var referenceNames: [LeadMergeChoices.Row: (kept: String, removed: String)]

    /// The text a row shows for one side.
    public func text(of row: LeadMergeChoices.Row, _ side: LeadMergeChoices.Side) -> String {
        if let names = referenceNames[row] { return side == .kept ? names.kept : names.removed }
        let draft = side == .kept ? kept.fields : removed.fields
        return row.fields.map { draft.text(of: $0) }.joined()
    }
}

extension LeadRepository {
    /// Both leads, what they matched on and what merging `remove` into `keep` would move.
    public func mergePreview(keep: Int64, remove: Int64) throws -> LeadMergePreview {
        try database.read { db in
            let kept = try fetch(db, id: keep)
            let removed = try fetch(db, id: remove)
            var names: [LeadMergeChoices.Row: (kept: String, removed: String)] = [:]
            for row in [LeadMergeChoices.Row.campaign, .status, .assignee, .project] {
                names[row] = (try referenceName(db, row, kept), try referenceName(db, row, removed))
            }
            return LeadMergePreview(
                kept: kept, removed: removed,
                match: DuplicateMatch(LeadIdentity(kept.fields, defaultCallingCode: nil),
                                      LeadIdentity(removed.fields, defaultCallingCode: nil)),
                moves: try moves(db, keep: keep, remove: remove), referenceNames: names)
        }
    }

    /// Merges lead `remove` into lead `keep` in one transaction (LP-7).
    ///
    /// The kept lead gets the values `choices` pick; activities, payloads, intake receipts, the
    /// removed lead's splitter shares (when the kept lead has none) and leads flagged as its
    /// duplicates move to the kept lead; its account, contact and opportunity links are taken
    /// where the kept lead has none. The removed lead is deleted rather than archived as a
    /// tombstone: a tombstone would show in the archived view and keep personal data that
    /// anonymizing the kept lead would not reach. Its journal rows are re-pointed to the kept
    /// lead, each marked with the id it was written for (`JournalEntry.mergedFromID`), framed by a
    /// "mergedFrom" row there and a "mergedInto" delete row under the old id, so the kept lead's
    /// history holds both histories, says which row is whose, and anonymizing it erases both.
    ///
    /// Throws `StaleRecordError` when either lead changed since `expectedVersions` (kept,
    /// removed), `RuleViolationError` for merging a lead with itself, two leads qualified into
    /// different opportunities or an anonymized lead, and `ValidationError` when the chosen
    /// values do not make a valid lead.
    public func merge(keep: Int64, remove: Int64, choices: LeadMergeChoices,
                      expectedVersions: (kept: Int, removed: Int)) throws -> (lead: Lead, moved: LeadMergeMoves) {
        guard keep != remove else { throw RuleViolationError("A lead cannot be merged with itself.") }
        return try database.write(as: actor) { db, journal in
            let kept = try fetchCurrent(db, id: keep, expectedVersion: expectedVersions.kept)
            let removed = try fetchCurrent(db, id: remove, expectedVersion: expectedVersions.removed)
            try refuseUnmergeable(kept, removed)
            let merged = choices.rebased(kept: kept.fields, removed: removed.fields).merged
            let statusID = try LeadReferences(db).check(merged, keeping: Set([kept.fields.statusID, removed.fields.statusID].compactMap { $0 }))
            let moved = try moves(db, keep: keep, remove: remove)
            try moveLinked(db, keep: keep, remove: remove, keptHasShares: hasShares(db, keep))
            try db.execute(sql: """
                UPDATE journal SET entity_id = ?, merged_from_id = coalesce(merged_from_id, ?)
                WHERE entity = ? AND entity_id = ?
                """, arguments: [keep, remove, EntityKind.lead.rawValue, remove])
            try journal.changed(.lead, keep, field: LeadDraft.Event.mergedFrom.rawValue, from: "",
                                to: "#\(remove) \(removed.displayName)")
            try saveMerged(db, journal, kept: kept, removed: removed, merged, statusID: statusID)
            try db.execute(sql: "DELETE FROM \(LeadTable.name) WHERE id = ?", arguments: [remove])
            try journal.changed(.lead, remove, field: LeadDraft.Event.mergedInto.rawValue, from: "", to: "#\(keep)")
            try journal.recorded(.delete, .lead, remove)
            return (try fetch(db, id: keep), moved)
        }
    }

    private func refuseUnmergeable(_ kept: Lead, _ removed: Lead) throws {
        if let one = kept.history.opportunityID, let other = removed.history.opportunityID, one != other {
            throw RuleViolationError(
                "Both leads were qualified into different opportunities (#\(one) and #\(other)); they cannot be merged.")
        }
        if kept.history.anonymizedAt != nil || removed.history.anonymizedAt != nil {
            throw RuleViolationError("An anonymized lead cannot be merged; its personal data is gone.")
        }
    }

    /// Re-points everything linked to the removed lead and drops its identity keys, so the
    /// kept lead's re-indexing no longer finds it.
    private func moveLinked(_ db: Database, keep: Int64, remove: Int64, keptHasShares: Bool) throws {
        let arguments: StatementArguments = [keep, remove]
        try db.execute(sql: "UPDATE sales_activities SET lead_id = ? WHERE lead_id = ?", arguments: arguments)
        try db.execute(sql: "UPDATE lead_payloads SET lead_id = ? WHERE lead_id = ?", arguments: arguments)
        try db.execute(sql: "UPDATE intake_receipts SET lead_id = ? WHERE lead_id = ?", arguments: arguments)
        if !keptHasShares {
            try db.execute(sql: "UPDATE lead_shares SET lead_id = ? WHERE lead_id = ?", arguments: arguments)
        }
        try db.execute(sql: "UPDATE leads SET duplicate_of_id = ? WHERE duplicate_of_id = ? AND id <> ?",
                       arguments: [keep, remove, keep])
        try db.execute(sql: "DELETE FROM lead_keys WHERE lead_id = ?", arguments: [remove])
    }

    /// Writes the chosen values and what the kept lead inherits, journals them and re-indexes
    /// its keys; its duplicate link becomes what a fresh save would find.
    private func saveMerged(_ db: Database, _ journal: JournalWriter, kept: Lead, removed: Lead,
                            _ merged: LeadDraft, statusID: Int64) throws {
        var columns = try LeadColumns.fields(merged, statusID: statusID) + LeadColumns.derived(merged)
            + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
               NameRank(table: LeadTable.name).column(db, sortName: SearchText.fold(merged.displayName), id: kept.id)]
            + inherited(journal, kept: kept, removed: removed)
        let original = try LeadDuplicates.index(db, leadID: kept.id, merged)
        if original != kept.duplicateOfID {
            columns.append((LeadTable.duplicateOfID, original))
            try journal.changed(.lead, kept.id, field: LeadDraft.Event.duplicateOf.rawValue, from: text(kept.duplicateOfID),
                                to: text(original))
        }
        try db.updateRow(LeadTable.name, id: kept.id, columns)
        try journal.updated(.lead, kept.id, from: kept.fields, to: merged)
    }

    /// The account, contact and opportunity links, qualification time and splitter filter the
    /// kept lead lacks and the removed one has, and the earlier first touch of the two.
    private func inherited(_ journal: JournalWriter, kept: Lead, removed: Lead) throws -> ColumnValues {
        var columns: ColumnValues = []
        let links: [(Column, LeadDraft.Event, Int64?, Int64?)] = [
            (LeadTable.accountID, .account, kept.history.accountID, removed.history.accountID),
            (LeadTable.contactID, .contact, kept.history.contactID, removed.history.contactID),
            (LeadTable.opportunityID, .opportunity, kept.history.opportunityID, removed.history.opportunityID),
            (LeadTable.splitFilterID, .splitFilter, kept.history.splitFilterID, removed.history.splitFilterID),
        ]
        for (column, field, own, other) in links where own == nil && other != nil {
            columns.append((column, other))
            try journal.changed(.lead, kept.id, field: field.rawValue, from: "", to: text(other))
        }
        if kept.history.qualifiedAt == nil, let qualifiedAt = removed.history.qualifiedAt {
            columns.append((LeadTable.qualifiedAt, qualifiedAt.millisecondsSince1970))
        }
        let firstTouch = [kept.touchedAt, removed.touchedAt].compactMap { $0 }.min()
        if let firstTouch, firstTouch != kept.touchedAt {
            columns.append((LeadTable.touchedAt, firstTouch.millisecondsSince1970))
        }
        return columns
    }

    private func text(_ id: Int64?) -> String { id.map(String.init) ?? "" }

    private func moves(_ db: Database, keep: Int64, remove: Int64) throws -> LeadMergeMoves {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [remove]) ?? 0 }
        var moves = LeadMergeMoves()
        moves.activities = try count("SELECT count(*) FROM sales_activities WHERE lead_id = ?")
        moves.payloads = try count("SELECT count(*) FROM lead_payloads WHERE lead_id = ?")
        moves.receipts = try count("SELECT count(*) FROM intake_receipts WHERE lead_id = ?")
        moves.shares = try hasShares(db, keep) ? 0 : count("SELECT count(*) FROM lead_shares WHERE lead_id = ?")
        moves.duplicates = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM leads WHERE duplicate_of_id = ? AND id <> ?", arguments: [remove, keep]) ?? 0
        return moves
    }

    private func hasShares(_ db: Database, _ lead: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM lead_shares WHERE lead_id = ?", arguments: [lead]) != nil
    }

    /// The name behind a reference row: campaign, status, assigned user or partner, project.
    private func referenceName(_ db: Database, _ row: LeadMergeChoices.Row, _ lead: Lead) throws -> String {
        func name(_ sql: String, _ id: Int64?) throws -> String {
            guard let id else { return "" }
            return try String.fetchOne(db, sql: sql, arguments: [id]) ?? "#\(id)"
        }
        switch row {
        case .campaign: return try name("SELECT name FROM campaigns WHERE id = ?", lead.campaignID)
        case .status: return lead.statusName
        case .project: return try name("SELECT name FROM projects WHERE id = ?", lead.projectID)
        case .assignee:
            if lead.partnerID != nil { return try "Partner " + name("SELECT name FROM partners WHERE id = ?", lead.partnerID) }
            return try name("SELECT display_name FROM users WHERE id = ?", lead.assigneeID)
        default: return ""
        }
    }
}
