import CRMCore
import Foundation
import GRDB

/// Running splitter filters (LP-6): every matching lead that no filter has processed and that is
/// not archived gets the filter's shares (`lead_shares`) and the filter's id (`split_filter_id`).
///
/// A run walks the unprocessed leads oldest first through `leads_unsplit` with a keyset cursor,
/// in write transactions sized to hold the lock for about `TransactionSizer.target`, so it
/// neither holds the write lock for long nor keeps more than one batch in memory, and other
/// users' writes slip in between batches (it pauses for them, see `WriteLockWait`). Each batch
/// re-reads the filter and re-checks "unprocessed" inside its transaction, so two runs at once
/// never take a lead twice and an edit made mid-run applies from the next batch on.
///
/// History: each processed lead gets one journal line ("shares: Alice 33%, Bob 67% by filter
/// ‘Big DACH deals’"), as the shares are part of that lead's story and one row per lead costs
/// less than the share rows themselves; the filter gets one line per run with the number of
/// leads it took, instead of a line per lead on the filter.
extension LeadSplitterRepository {
    /// Runs one filter; returns how many leads it processed and in how many transactions.
    public func run(filterID: Int64) throws -> LeadSplitRun {
        if let refusal = actor.role.leadRoutingRefusal { throw RuleViolationError(refusal) }
        var report = LeadSplitRun()
        try run(filterID, into: &report)
        return report
    }

    /// Runs every filter in position order; a lead an earlier filter took is not taken again.
    public func runAll() throws -> LeadSplitRun {
        if let refusal = actor.role.leadRoutingRefusal { throw RuleViolationError(refusal) }
        let ids = try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM lead_split_filters ORDER BY position, id")
        }
        var report = LeadSplitRun()
        for id in ids { try run(id, into: &report) }
        return report
    }

    private func run(_ filterID: Int64, into report: inout LeadSplitRun) throws {
        var cursor: RunCursor?
        var processed = 0
        var name = ""
        var sizer = TransactionSizer(range: transactionRows, first: transactionRows.lowerBound)
        while true {
            let size = sizer.size
            var locked = ContinuousClock.now
            let batch = try database.lockWait.asBackgroundWriter {
                try database.write(as: actor) { db, journal in
                    locked = .now
                    return try runBatch(db, journal, filterID, size: size, after: cursor)
                }
            }
            sizer.record(rows: size, heldLockFor: .now - locked)
            name = batch.filterName
            processed += batch.processed
            if batch.processed > 0 { report.batches += 1 }
            guard let last = batch.last else { break }
            cursor = last
            AppDatabase.yieldToWaitingWriters()
        }
        try database.write(as: actor) { db, journal in
            try db.execute(sql: "UPDATE lead_split_filters SET last_run_at = ? WHERE id = ?",
                           arguments: [journal.at.millisecondsSince1970, filterID])
            try journal.changed(.leadSplitFilter, filterID, field: "run", from: "",
                                to: processed == 1 ? "1 lead processed" : "\(processed) leads processed")
        }
        report.filters.append(LeadSplitRun.Entry(filterID: filterID, name: name, processed: processed))
    }

    /// One transaction of a run: the next `size` unprocessed leads after `cursor`, of which
    /// the matching ones are shared. `last` is where the next batch starts, `nil` at the end.
    private func runBatch(
        _ db: Database, _ journal: JournalWriter, _ filterID: Int64, size: Int, after cursor: RunCursor?
    ) throws -> (filterName: String, processed: Int, last: RunCursor?) {
        let filter = try Self.fetch(db, id: filterID)
        let condition = try LeadSplitShares.condition(db, filter.fields.filter, database: database, actor: actor) ?? "1"
        let after: SQL = cursor.map { "AND (created_at, id) > (\($0.createdAt), \($0.id))" } ?? ""
        // Only open leads are shared: a qualified or disqualified lead has nobody left to work on it.
        let open = try LeadStatusRepository.list(db).filter(\.kind.isOpen).map(\.id)
        let window: SQL = """
            SELECT * FROM leads WHERE split_filter_id IS NULL AND is_archived = 0 AND status_id IN \(open) \(after) \
            ORDER BY created_at, id LIMIT \(size)
            """
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT l.id, l.created_at, (\(condition)) IS 1 AS hit FROM (\(window)) l ORDER BY l.created_at, l.id
            """))
        let hits: [Int64] = rows.filter { $0["hit"] }.map { $0["id"] }
        if !hits.isEmpty { try share(db, journal, hits, filter) }
        let last = rows.count < size ? nil : rows.last.map { RunCursor(createdAt: $0["created_at"], id: $0["id"]) }
        return (filter.name, hits.count, last)
    }

    /// Replaces the leads' shares with the filter's and marks them processed by it, with one
    /// journal line per lead naming the old shares, if a deleted filter had left any.
    private func share(_ db: Database, _ journal: JournalWriter, _ leadIDs: [Int64], _ filter: LeadSplitFilter) throws {
        let old = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT s.lead_id, s.percent, u.display_name FROM lead_shares s JOIN users u ON u.id = s.user_id
            WHERE s.lead_id IN \(leadIDs) ORDER BY s.lead_id, u.display_name
            """))
        let oldTexts = Dictionary(grouping: old, by: { $0["lead_id"] as Int64 }).mapValues { rows in
            rows.map { "\($0["display_name"] as String) \($0["percent"] as Int)%" }.joined(separator: ", ")
        }
        try db.execute(literal: "DELETE FROM lead_shares WHERE lead_id IN \(leadIDs)")
        try db.execute(literal: """
            INSERT INTO lead_shares (lead_id, user_id, percent, filter_id)
            SELECT l.id, s.user_id, s.percent, s.filter_id FROM leads l JOIN lead_split_filter_shares s
            WHERE l.id IN \(leadIDs) AND s.filter_id = \(filter.id)
            """)
        try db.execute(literal: "UPDATE leads SET split_filter_id = \(filter.id) WHERE id IN \(leadIDs)")
        let text = try LeadSplitShares.text(db, filter.fields.shares) + " by filter ‘\(filter.name)’"
        let field = LeadDraft.Event.shares.rawValue
        try journal.changed(.lead, leadIDs.filter { oldTexts[$0] == nil }, field: field, from: "", to: text)
        for (id, old) in oldTexts {
            try journal.changed(.lead, id, field: field, from: old, to: text)
        }
    }
}

/// Where a run goes on: the last lead its previous batch looked at, in `leads_unsplit` order.
struct RunCursor {
    let createdAt: Int64
    let id: Int64
}

/// What a splitter run did: leads processed per filter, in run order, and how many write
/// transactions shared them.
public struct LeadSplitRun: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var filterID: Int64
        public var name: String
        public var processed: Int
    }

    public var filters: [Entry] = []
    /// Write transactions that shared at least one lead.
    public var batches = 0

    public var processed: Int { filters.reduce(0) { $0 + $1.processed } }
}
