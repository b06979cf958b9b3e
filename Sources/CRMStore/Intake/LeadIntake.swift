import CRMCore
import Foundation
import GRDB

/// Unattended lead intake (LP-1, LP-2): turns what a sender posted into leads, exactly once.
///
/// Reading and mapping happen before any transaction, so a malformed body never holds the write
/// lock. Then one write transaction per call (short ones for batches) checks the receipts, runs
/// routing, inserts the lead with its raw payload and receipt, and commits; a caller answers
/// 201 only after this returns, once the commit is on disk. A lead that fails in the store
/// leaves nothing behind while the others of its transaction commit (see `commit`).
public struct LeadIntake: Sendable {
    /// Leads of a batch read and screened at a time (on another thread while the previous chunk
    /// is written); each chunk is then written in short transactions (`TransactionSizer`).
    public static let batchChunkSize = 2_000
    /// Leads per transaction of a batch: sized by time (`TransactionSizer`), but never fewer
    /// than 50, because each transaction rewrites the index pages it touches, so tiny
    /// transactions would cut the batch's rate several times over.
    static let batchTransactionRows = 50...2_000
    /// The longest idempotency key or external id kept in a receipt.
    public static let idempotencyKeyLimit = 255

    let database: AppDatabase
    /// Routing (LP-3…LP-5); `nil` leaves leads as sent, in the free pool.
    let router: (any IntakeRouting)?

    init(database: AppDatabase, router: (any IntakeRouting)?) {
        self.database = database
        self.router = router
    }

    /// Receives one lead. Throws `IntakeError` when the sender must change something (unreadable
    /// body, invalid fields, a bad idempotency key); any other error is the server's fault.
    public func receive(_ submission: IntakeSubmission, from key: ApiKey) throws -> IntakeResult {
        let lead = try prepare(submission, from: key).get()
        return try commit([lead])[0].get()
    }

    /// Reads and maps one submission without touching the database, so callers can do it on
    /// many threads and then `commit` many leads in one transaction (one disk sync for all).
    public func prepare(_ submission: IntakeSubmission, from key: ApiKey) -> Result<PreparedLead, IntakeError> {
        if let headerKey = submission.idempotencyKey, let error = Self.checkKey(headerKey, named: "The Idempotency-Key header") {
            return .failure(error)
        }
        return prepare(submission.body[...], format: submission.format, contentType: submission.contentType,
                       headerKey: submission.idempotencyKey, key: key)
    }

    /// Receives an NDJSON body, one JSON lead per line; every line stands alone. A bad line is
    /// refused with its number and reason and writes nothing; the other lines are still taken.
    /// With an `Idempotency-Key` header, line `n` is idempotent under "KEY#n" unless it carries
    /// its own external id, so resending a whole batch creates nothing twice.
    ///
    /// Lines are read `batchChunkSize` at a time; while one chunk is being written, the next one
    /// is read and screened on another thread.
    public func receiveBatch(ndjson body: [UInt8], idempotencyKey: String?, from key: ApiKey) throws -> [IntakeLineResult] {
        if let idempotencyKey, let error = Self.checkKey(idempotencyKey, named: "The Idempotency-Key header") {
            throw error
        }
        let lines = NDJSONLines.split(body)
        let chunks = stride(from: 0, to: lines.count, by: Self.batchChunkSize).map {
            lines[$0..<min($0 + Self.batchChunkSize, lines.count)]
        }
        let prepareChunk: @Sendable (ArraySlice<NDJSONLines.Line>) -> [(line: Int, lead: Result<PreparedLead, IntakeError>)] = {
            [self] chunk in
            chunk.map { line in
                (line.number, prepare(line.bytes, format: .json, contentType: "application/json",
                                      headerKey: idempotencyKey.map { "\($0)#\(line.number)" }, preferExternalID: true,
                                      key: key))
            }
        }
        var results: [IntakeLineResult] = []
        var sizer = TransactionSizer(range: Self.batchTransactionRows, first: Self.batchTransactionRows.lowerBound)
        var upcoming = chunks.first.map { chunk in BackgroundWork { prepareChunk(chunk) } }
        for index in chunks.indices {
            let prepared = upcoming!.result()
            upcoming = index + 1 < chunks.count ? BackgroundWork { [chunk = chunks[index + 1]] in prepareChunk(chunk) } : nil
            var pending: [(line: Int, lead: PreparedLead)] = []
            for (line, lead) in prepared {
                switch lead {
                case .success(let lead): pending.append((line, lead))
                case .failure(let error): results.append(IntakeLineResult(line: line, result: .failure(error)))
                }
            }
            results += try writeInShortTransactions(pending, sizer: &sizer)
        }
        try database.syncCommits()
        return results.sorted { $0.line < $1.line }
    }

    /// Writes a chunk of a batch in transactions that each hold the write lock only for about
    /// `TransactionSizer.target`, as a background writer pausing between them, so that a
    /// waiting save gets in. The batch syncs them to disk once, at its end.
    private func writeInShortTransactions(_ pending: [(line: Int, lead: PreparedLead)],
                                           sizer: inout TransactionSizer) throws -> [IntakeLineResult] {
        var results: [IntakeLineResult] = []
        var rest = pending[...]
        while !rest.isEmpty {
            let piece = rest.prefix(sizer.size)
            let committed = try writeUnsynced(piece.map(\.lead), sizer: &sizer)
            results += zip(piece, committed).map { IntakeLineResult(line: $0.line, result: $1) }
            rest = rest.dropFirst(piece.count)
            AppDatabase.yieldToWaitingWriters()
        }
        return results
    }

    // MARK: - Reading

    /// A lead read and mapped, waiting for its transaction.
    public struct PreparedLead: Sendable {
        var keyID: Int64
        var lead: ScreenedLead
        var receiptKey: String?
        var body: ArraySlice<UInt8>
        var contentType: String
    }

    /// Reads and maps one body; the receipt key is the header's key, else the payload's external id
    /// (or the other way round for batch lines, where the header key is only a fallback).
    private func prepare(_ body: ArraySlice<UInt8>, format: IntakePayload.Format, contentType: String,
                         headerKey: String?, preferExternalID: Bool = false,
                         key: ApiKey) -> Result<PreparedLead, IntakeError> {
        do throws(IntakeError) {
            let payload = try IntakePayload(body: body, format: format)
            var draft = try key.mapping.fieldMapping.draft(from: payload).get()
            // A sender that names no source is known by its key's name, so Statistics counts
            // its leads under that name rather than under "(no source)".
            if draft.source.isEmpty { draft.source = key.name }
            let external = try externalID(payload, key.mapping)
            let receiptKey = preferExternalID ? external ?? headerKey : headerKey ?? external
            return .success(PreparedLead(keyID: key.id, lead: ScreenedLead(draft), receiptKey: receiptKey, body: body,
                                         contentType: contentType))
        } catch {
            return .failure(error)
        }
    }

    /// The first non-empty value sent under one of the mapping's external id names.
    private func externalID(_ payload: IntakePayload, _ mapping: ApiKey.Mapping) throws(IntakeError) -> String? {
        let names = Set(mapping.externalIDNames.map { $0.lowercased() })
        guard let entry = payload.entries.first(where: { names.contains($0.name.lowercased()) && !$0.value.isEmpty }) else {
            return nil
        }
        if let error = Self.checkKey(entry.value, named: "The external id") {
            throw IntakeError(message: error.message, fieldErrors: [FieldError(field: entry.name, message: error.message)])
        }
        return entry.value
    }

    /// A key must be 1…255 bytes of UTF-8 without control characters.
    private static func checkKey(_ key: String, named label: String) -> IntakeError? {
        let isClean = !key.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !key.isEmpty, key.utf8.count <= idempotencyKeyLimit, isClean else {
            return IntakeError(message: "\(label) must be 1 to \(idempotencyKeyLimit) bytes without control characters.")
        }
        return nil
    }

    // MARK: - Writing

    /// Commits `leads` in one transaction and returns their results in the same order, once
    /// the transaction is on disk (`AppDatabase.syncCommits`). Throws only when the transaction
    /// itself fails (then nothing of it was written); a lead the store refuses fails alone.
    public func commit(_ leads: [PreparedLead]) throws -> [Result<IntakeResult, IntakeError>] {
        var sizer = TransactionSizer()
        let results = try writeUnsynced(leads, sizer: &sizer)
        try database.syncCommits()
        return results
    }

    /// `commit` without waiting for the disk: the caller must not tell anyone about these leads
    /// before `AppDatabase.syncCommits` returned. Writes as a background writer
    /// (`WriteLockWait.asBackgroundWriter`) and tells `sizer` how long it held the write lock.
    /// `GroupCommitter` writes the next group while the previous one syncs.
    public func writeUnsynced(_ leads: [PreparedLead], sizer: inout TransactionSizer) throws -> [Result<IntakeResult, IntakeError>] {
        try database.lockWait.asBackgroundWriter { try write(leads, sizer: &sizer) }
    }

    /// Writes `leads` in one transaction, as `commit` describes, without waiting for the disk,
    /// and tells `sizer` how long it held the write lock (not how long it waited for it).
    ///
    /// Each lead is first checked, routed and planned (`LeadInserter.add`), which writes nothing,
    /// so a refused lead simply drops out; then all accepted leads are written together with
    /// their raw payloads and receipts. A key sent twice in one group replays the first lead.
    private func write(_ leads: [PreparedLead], sizer: inout TransactionSizer) throws -> [Result<IntakeResult, IntakeError>] {
        var locked = ContinuousClock.now
        let results = try database.write(as: nil) { db, journal in
            locked = .now
            for keyID in Set(leads.map(\.keyID)) {
                try db.run("UPDATE api_keys SET last_used_at = ? WHERE id = ?", [journal.at.millisecondsSince1970, keyID])
            }
            var routing = try router?.start(db)
            var inserter = try LeadInserter(db, journal, creatorID: nil)
            try inserter.lookUpDuplicates(of: leads.map(\.lead))
            let stored = try storedReceipts(db, leads.compactMap { lead in lead.receiptKey.map { ReceiptKey(keyID: lead.keyID, key: $0) } })
            var receipts: [ReceiptKey: Int64] = [:]
            var payloadRows: [DatabaseValue] = []
            var receiptRows: [DatabaseValue] = []
            let now = journal.at.millisecondsSince1970
            let results: [Result<IntakeResult, IntakeError>] = try leads.map { lead in
                let receipt = lead.receiptKey.map { ReceiptKey(keyID: lead.keyID, key: $0) }
                if let receipt {
                    if let id = receipts[receipt] { return .success(.replayed(leadID: id)) }
                    if let stored = stored[receipt] { return .success(.replayed(leadID: stored)) }
                }
                var screened = lead.lead
                var history = LeadHistory(apiKeyID: lead.keyID)
                let routingBefore = routing
                let id: Int64
                do {
                    try routing?.route(&screened.draft, &history)
                    id = try inserter.add(screened, history: history)
                } catch {
                    guard let refusal = Self.refusal(error) else { throw error }
                    routing = routingBefore
                    return .failure(refusal)
                }
                payloadRows += [id.databaseValue, lead.keyID.databaseValue, now.databaseValue, lead.contentType.databaseValue,
                                Data(lead.body).databaseValue]
                if let receipt {
                    receipts[receipt] = id
                    receiptRows += [receipt.keyID.databaseValue, receipt.key.databaseValue, id.databaseValue, now.databaseValue]
                }
                return .success(.created(leadID: id))
            }
            try inserter.finish()
            try db.insertRows(into: "lead_payloads", columns: ["lead_id", "api_key_id", "received_at", "content_type", "body"],
                              values: payloadRows)
            try db.insertRows(into: "intake_receipts", columns: ["api_key_id", "idempotency_key", "lead_id", "received_at"],
                              values: receiptRows)
            try routing?.finish()
            return results
        }
        sizer.record(rows: leads.count, heldLockFor: .now - locked)
        return results
    }

    private struct ReceiptKey: Hashable {
        var keyID: Int64
        var key: String
    }

    /// The receipts earlier transactions stored under any of `receipts`, with their leads
    /// (`nil` once that lead was deleted); one statement per API key.
    private func storedReceipts(_ db: Database, _ receipts: [ReceiptKey]) throws -> [ReceiptKey: Int64?] {
        var stored: [ReceiptKey: Int64?] = [:]
        for (keyID, keys) in Dictionary(grouping: receipts, by: \.keyID) {
            let names = JSONList.strings(keys.lazy.map(\.key))
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT idempotency_key, lead_id FROM intake_receipts
                WHERE api_key_id = ? AND idempotency_key IN (SELECT value FROM json_each(?))
                """), arguments: [keyID, names])
            while let row = try rows.next() {
                stored[ReceiptKey(keyID: keyID, key: row[0])] = .some(row[1])
            }
        }
        return stored
    }

    /// What the sender is told when the store refuses a lead; `nil` for errors that are not a
    /// refusal (the server's own failures).
    private static func refusal(_ error: any Error) -> IntakeError? {
        switch error {
        case let error as ValidationError: IntakeError(message: "The lead was refused.", fieldErrors: error.errors)
        case let error as RuleViolationError: IntakeError(message: error.message)
        default: nil
        }
    }
}

extension AppDatabase {
    /// Intake for the `crm serve` endpoint; leads are routed by the stored lead rules.
    public var leadIntake: LeadIntake { LeadIntake(database: self, router: leadRouter) }
}
