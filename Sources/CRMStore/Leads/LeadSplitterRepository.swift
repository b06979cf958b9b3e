import CRMCore
import Foundation
import GRDB

/// Splitter filters (LP-6) as one user manages them: created, changed (version-checked) and
/// deleted with a journal, each filter's text compiled for leads before it is saved, so a stored
/// filter always runs. Running them lives in `LeadSplitterRepository+Run.swift`.
///
/// Deleting a filter keeps the shares it recorded (the leads' history) but its leads become
/// unprocessed again (`split_filter_id` is set to NULL by the schema), so another filter may
/// take them; that filter's shares then replace the old ones.
public struct LeadSplitterRepository: Sendable {
    let database: AppDatabase
    let actor: User
    /// How many leads one write transaction of a run looks at: sized by time within this range
    /// (`TransactionSizer`), so a run over hundreds of thousands of leads never holds the write
    /// lock for long nor keeps many rows in memory.
    let transactionRows: ClosedRange<Int>

    /// Every filter in run order with how many leads it holds (up to `cap`).
    public func list(cap: Int = 10_000) throws -> [LeadSplitFilterSummary] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM lead_split_filters ORDER BY position, id").map { row in
                let filter = try Self.decode(db, row)
                let held = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM (SELECT 1 FROM leads WHERE split_filter_id = ? LIMIT ?)
                    """, arguments: [filter.id, cap + 1]) ?? 0
                return LeadSplitFilterSummary(filter: filter, leads: BoundedCount(seen: held, cap: cap))
            }
        }
    }

    public func get(id: Int64) throws -> LeadSplitFilter {
        try database.read { db in try Self.fetch(db, id: id) }
    }

    /// Saves a new filter after every other one.
    public func create(_ draft: LeadSplitFilterDraft) throws -> LeadSplitFilter {
        try database.changeLeadRouting(as: actor) { db, journal in
            try check(draft, db, excluding: nil)
            let now = journal.at.millisecondsSince1970
            let position = try ordering.nextPosition(db)
            try db.execute(sql: """
                INSERT INTO lead_split_filters (name, filter, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [Self.trimmed(draft.name), draft.filter, position, now, now])
            let id = db.lastInsertedRowID
            try saveShares(db, id: id, draft.shares)
            try journal.created(.leadSplitFilter, id, try Self.named(db, draft))
            return try Self.fetch(db, id: id)
        }
    }

    /// Saves `draft` over the filter if it is still at `expectedVersion`. Leads it already
    /// shared keep their shares; the change applies to the next run.
    public func update(id: Int64, with draft: LeadSplitFilterDraft, expectedVersion: Int) throws -> LeadSplitFilter {
        try database.changeLeadRouting(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try check(draft, db, excluding: id)
            try db.execute(sql: """
                UPDATE lead_split_filters SET name = ?, filter = ?, updated_at = ?, version = version + 1 WHERE id = ?
                """, arguments: [Self.trimmed(draft.name), draft.filter, journal.at.millisecondsSince1970, id])
            try db.execute(sql: "DELETE FROM lead_split_filter_shares WHERE filter_id = ?", arguments: [id])
            try saveShares(db, id: id, draft.shares)
            try journal.updated(.leadSplitFilter, id, from: try Self.named(db, current.fields), to: try Self.named(db, draft))
            return try Self.fetch(db, id: id)
        }
    }

    /// Puts the filters in the order of `ids` (every filter once): the order runs take leads in.
    public func reorder(_ ids: [Int64]) throws {
        try database.changeLeadRouting(as: actor) { db, journal in try ordering.reorder(db, ids, journal: journal) }
    }

    /// Deletes the filter if it is still at `expectedVersion`; its leads become unprocessed.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.changeLeadRouting(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM lead_split_filters WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .leadSplitFilter, id)
        }
    }

    /// What is wrong with `text` as a splitter filter, with the token's position, or `nil` when
    /// it compiles for leads (an empty text is the form's "required" problem, not this one).
    public func filterProblem(_ text: String) throws -> String? {
        try database.read { db in
            do {
                _ = try LeadSplitShares.condition(db, text, database: database, actor: actor)
                return nil
            } catch let invalid as FilterError {
                return invalid.description
            }
        }
    }

    /// The shares recorded for a lead, largest first, with the users' names and the filter
    /// that recorded them (empty when that filter was deleted since).
    public func shares(leadID: Int64) throws -> [LeadShareLine] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.user_id, s.percent, u.display_name, f.name AS filter_name FROM lead_shares s
                JOIN users u ON u.id = s.user_id LEFT JOIN lead_split_filters f ON f.id = s.filter_id
                WHERE s.lead_id = ? ORDER BY s.percent DESC, u.display_name
                """, arguments: [leadID]).map {
                LeadShareLine(userID: $0["user_id"], userName: $0["display_name"], percent: $0["percent"],
                              filterName: $0["filter_name"] ?? "")
            }
        }
    }

    /// The shares of several leads at once (one list page), as display text such as
    /// "Alice 33%, Bob 33%, Carol 34%"; leads without shares are absent.
    public func shareTexts(leadIDs: [Int64]) throws -> [Int64: String] {
        guard !leadIDs.isEmpty else { return [:] }
        return try database.read { db in
            let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
                SELECT s.lead_id, s.percent, u.display_name FROM lead_shares s JOIN users u ON u.id = s.user_id
                WHERE s.lead_id IN \(leadIDs) ORDER BY s.lead_id, s.percent DESC, u.display_name
                """))
            return Dictionary(grouping: rows, by: { $0["lead_id"] as Int64 }).mapValues { rows in
                rows.map { "\($0["display_name"] as String) \($0["percent"] as Int)%" }.joined(separator: ", ")
            }
        }
    }

    /// One window of the leads no filter has processed and that are not archived, newest first
    /// (through the `leads_unsplit` index), narrowed by `filter` like any lead list.
    public func unprocessed(_ position: PagePosition, limit: Int, filter: String = "") throws -> [Lead] {
        try database.leads(actingAs: actor).page(LeadQuery(view: .unprocessed, filter: filter), position, limit: limit)
    }

    // MARK: - Helpers

    private var ordering: TypeOrdering { TypeOrdering(table: "lead_split_filters", entity: .leadSplitFilter) }

    static func fetch(_ db: Database, id: Int64) throws -> LeadSplitFilter {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM lead_split_filters WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .leadSplitFilter, id: id)
        }
        return try decode(db, row)
    }

    private static func decode(_ db: Database, _ row: Row) throws -> LeadSplitFilter {
        let id: Int64 = row["id"]
        let shares = try Row.fetchAll(db, sql: """
            SELECT s.user_id, s.percent FROM lead_split_filter_shares s JOIN users u ON u.id = s.user_id
            WHERE s.filter_id = ? ORDER BY u.display_name, u.id
            """, arguments: [id]).map { LeadShare(userID: $0["user_id"], percent: $0["percent"]) }
        return LeadSplitFilter(
            id: id, fields: LeadSplitFilterDraft(name: row["name"], filter: row["filter"], shares: shares),
            position: row["position"], lastRunAt: (row["last_run_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
            version: row["version"])
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> LeadSplitFilter {
        let current = try Self.fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .leadSplitFilter, fresh: current) }
        return current
    }

    private func saveShares(_ db: Database, id: Int64, _ shares: [LeadShare]) throws {
        for share in shares {
            try db.execute(sql: "INSERT INTO lead_split_filter_shares (filter_id, user_id, percent) VALUES (?, ?, ?)",
                           arguments: [id, share.userID, share.percent])
        }
    }

    private static func trimmed(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces) }

    /// The draft as the journal shows it: shares by user name ("Alice 33%, Bob 67%").
    private static func named(_ db: Database, _ draft: LeadSplitFilterDraft) throws -> JournaledSplitFilter {
        JournaledSplitFilter(draft: draft, shares: try LeadSplitShares.text(db, draft.shares))
    }

    /// The rules of the draft, a free name, existing users and a filter that compiles for leads
    /// (its error names the token and position).
    private func check(_ draft: LeadSplitFilterDraft, _ db: Database, excluding id: Int64?) throws {
        var errors = draft.validate()
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM lead_split_filters WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                             arguments: [Self.trimmed(draft.name), id]) != nil {
            errors.append(FieldError(field: LeadSplitFilterDraft.Field.name.rawValue,
                                     message: "A splitter filter named “\(Self.trimmed(draft.name))” exists already."))
        }
        for (index, share) in draft.shares.enumerated()
        where try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE id = ?", arguments: [share.userID]) == nil {
            errors.append(FieldError(field: LeadSplitFilterDraft.shareField(index), message: "Choose an existing user."))
        }
        if !draft.filter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                _ = try LeadSplitShares.condition(db, draft.filter, database: database, actor: actor)
            } catch let invalid as FilterError {
                errors.append(FieldError(field: LeadSplitFilterDraft.Field.filter.rawValue, message: invalid.description))
            }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

/// A splitter filter with how many leads it holds, for the splitter control screen.
public struct LeadSplitFilterSummary: Sendable, Hashable, Identifiable {
    public var filter: LeadSplitFilter
    public var leads: BoundedCount

    public var id: Int64 { filter.id }
}

/// One user's recorded share of a lead, for display.
public struct LeadShareLine: Sendable, Hashable {
    public var userID: Int64
    public var userName: String
    public var percent: Int
    /// The filter that recorded it; empty once that filter is deleted.
    public var filterName: String
}

/// A splitter filter's fields as journaled: like the draft, but shares by user name.
private struct JournaledSplitFilter: Journaled {
    let draft: LeadSplitFilterDraft
    let shares: String

    var journalValues: [(field: String, value: String)] {
        draft.journalValues.map { $0.field == LeadSplitFilterDraft.Field.shares.rawValue ? ($0.field, shares) : $0 }
    }
}

extension AppDatabase {
    /// The splitter filters (LP-6), managed and run by `user`; a run commits after each
    /// `transactionRows` leads, as many as fit in `TransactionSizer.target`.
    public func leadSplitter(actingAs user: User, transactionRows: ClosedRange<Int> = 50...2_000) -> LeadSplitterRepository {
        LeadSplitterRepository(database: self, actor: user, transactionRows: max(1, transactionRows.lowerBound)...transactionRows.upperBound)
    }
}
