import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Store-side intake (LP-1, LP-2): one lead per submission with its raw payload, retries
/// replayed by receipt, refusals that write nothing, NDJSON lines that stand alone, and the
/// routing step inside the lead's transaction.
final class LeadIntakeTests: XCTestCase {
    private var fixture: Fixture!
    private var key: ApiKey!

    override func setUpWithError() throws {
        fixture = try Fixture()
        key = try fixture.db.apiKeys(actingAs: nil).create(
            ApiKeyDraft(name: "Web form"), credentials: ApiKeyCredentials(keyHash: "h1", keyPrefix: "crm_h1", signingSecret: nil))
    }

    private func json(_ text: String, idempotencyKey: String? = nil) -> IntakeSubmission {
        IntakeSubmission(format: .json, contentType: "application/json", body: Array(text.utf8), idempotencyKey: idempotencyKey)
    }

    /// (leads, payloads, receipts, journal rows about leads)
    private func counts() throws -> [Int] {
        try fixture.db.read { db in
            try ["leads", "lead_payloads", "intake_receipts", "journal WHERE entity = 'lead'"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
            }
        }
    }

    func testALeadIsStoredWithItsRawPayloadAndKey() throws {
        let body = #"{"first_name": "Ana", "company": "Kestrel", "email": "ana@kestrel.example", "campaign_code": "x\u001b[2J"}"#
        let result = try fixture.db.leadIntake.receive(
            IntakeSubmission(format: .json, contentType: "application/json; charset=utf-8", body: Array(body.utf8)), from: key)
        guard case .created(let id) = result else { return XCTFail("\(result)") }
        let lead = try fixture.db.leads(actingAs: fixture.admin).get(id: id)
        XCTAssertEqual(lead.company, "Kestrel")
        XCTAssertEqual(lead.customAttributes, ["campaign_code": "x\u{1b}[2J"])
        XCTAssertEqual(lead.history.apiKeyID, key.id)
        XCTAssertNil(lead.createdByID)
        let payload = try fixture.db.read { db in
            try Row.fetchOne(db, sql: "SELECT content_type, body, api_key_id FROM lead_payloads WHERE lead_id = ?", arguments: [id])
        }
        XCTAssertEqual(payload?["content_type"], "application/json; charset=utf-8")
        XCTAssertEqual(payload?["body"], Data(body.utf8))
        XCTAssertEqual(payload?["api_key_id"], key.id)
        XCTAssertEqual(try counts().prefix(3), [1, 1, 0], "no idempotency key, no receipt")
        XCTAssertNotNil(try fixture.db.apiKeys(actingAs: nil).list().first?.lastUsedAt)
    }

    /// A sender that sends no source is counted under its key's name in Statistics, never as
    /// "(no source)"; a source it sends is kept as sent.
    func testALeadSentWithoutASourceTakesItsKeysName() throws {
        let intake = fixture.db.leadIntake
        let leads = fixture.db.leads(actingAs: fixture.admin)
        let unnamed = try XCTUnwrap(intake.receive(json(#"{"company": "Kestrel"}"#), from: key).leadID)
        XCTAssertEqual(try leads.get(id: unnamed).source, "Web form")
        let named = try XCTUnwrap(intake.receive(json(#"{"company": "Osprey", "source": "Fair 2026"}"#), from: key).leadID)
        XCTAssertEqual(try leads.get(id: named).source, "Fair 2026")
    }

    func testARetryWithTheSameKeyReplaysTheFirstLead() throws {
        let intake = fixture.db.leadIntake
        let first = try intake.receive(json(#"{"company": "Kestrel"}"#, idempotencyKey: "form-41"), from: key)
        let retry = try intake.receive(json(#"{"company": "Kestrel"}"#, idempotencyKey: "form-41"), from: key)
        XCTAssertEqual(retry, .replayed(leadID: first.leadID))
        let other = try intake.receive(json(#"{"company": "Kestrel"}"#, idempotencyKey: "form-42"), from: key)
        XCTAssertEqual(other.isReplay, false)
        XCTAssertEqual(try counts().prefix(3), [2, 2, 2])
    }

    func testTheExternalIdIsTheIdempotencyKeyWithoutAHeader() throws {
        let intake = fixture.db.leadIntake
        let first = try intake.receive(json(#"{"company": "Kestrel", "external_id": "sub-9"}"#), from: key)
        let retry = try intake.receive(json(#"{"company": "Kestrel Ltd", "external_id": "sub-9"}"#), from: key)
        XCTAssertEqual(retry, .replayed(leadID: first.leadID))
        XCTAssertEqual(try fixture.db.leads(actingAs: fixture.admin).get(id: first.leadID!).customAttributes,
                       ["external_id": "sub-9"], "the external id stays visible on the lead")
        XCTAssertEqual(try counts().prefix(3), [1, 1, 1])
    }

    func testRefusalsNameTheSendersFieldsAndWriteNothing() throws {
        let intake = fixture.db.leadIntake
        XCTAssertThrowsError(try intake.receive(json(#"{"company": "Kestrel", "score": "high"}"#, idempotencyKey: "k"), from: key)) {
            XCTAssertEqual(($0 as? IntakeError)?.fieldErrors.map(\.field), ["score"], "\($0)")
        }
        XCTAssertThrowsError(try intake.receive(json("{\"company\": \"Kestrel\",\n \"email\" \"x\"}"), from: key)) {
            let position = ($0 as? IntakeError)?.position
            XCTAssertEqual(position?.line, 2, "\($0)")
            XCTAssertEqual(position?.column, 10, "\($0)")
        }
        XCTAssertThrowsError(try intake.receive(json(#"{"company": "Kestrel"}"#, idempotencyKey: "a\u{7}b"), from: key)) {
            XCTAssertTrue(($0 as? IntakeError)?.message.contains("Idempotency-Key") == true, "\($0)")
        }
        XCTAssertEqual(try counts(), [0, 0, 0, 0])
    }

    func testBatchLinesStandAloneAndSayWhatHappened() throws {
        let body = """
            {"company": "One", "external_id": "e1"}
            {"company": "Two", "score": "lots"}

            {"company": "Three"
            {"company": "Four", "external_id": "e1"}\r
            {"company": "Five"}
            """
        let results = try fixture.db.leadIntake.receiveBatch(ndjson: Array(body.utf8), idempotencyKey: nil, from: key)
        XCTAssertEqual(results.map(\.line), [1, 2, 4, 5, 6])
        guard case .success(.created(let one)) = results[0].result else { return XCTFail("\(results[0])") }
        guard case .failure(let two) = results[1].result else { return XCTFail("\(results[1])") }
        XCTAssertEqual(two.fieldErrors.map(\.field), ["score"])
        guard case .failure(let four) = results[2].result else { return XCTFail("\(results[2])") }
        XCTAssertNotNil(four.position, "\(four)")
        XCTAssertEqual(results[3].result, .success(.replayed(leadID: one)), "a repeated external id in one batch")
        guard case .success(.created) = results[4].result else { return XCTFail("\(results[4])") }
        XCTAssertEqual(try counts().prefix(3), [2, 2, 1])
        let stored = try fixture.db.read { db in try Data.fetchOne(db, sql: "SELECT body FROM lead_payloads WHERE lead_id = ?", arguments: [one]) }
        XCTAssertEqual(stored, Data(#"{"company": "One", "external_id": "e1"}"#.utf8), "each lead keeps its own line")
    }

    func testAResentBatchWithAnIdempotencyKeyCreatesNothingTwice() throws {
        let body = Array("{\"company\": \"One\"}\n{\"company\": \"Two\"}\n".utf8)
        let intake = fixture.db.leadIntake
        let first = try intake.receiveBatch(ndjson: body, idempotencyKey: "batch-7", from: key)
        let again = try intake.receiveBatch(ndjson: body, idempotencyKey: "batch-7", from: key)
        XCTAssertEqual(again.map { try? $0.result.get() }, first.map { .replayed(leadID: try? $0.result.get().leadID) })
        XCTAssertEqual(try counts().prefix(3), [2, 2, 2])
    }

    /// A batch indexes and counts its leads at the end of its transaction (v19), a refused line
    /// is neither indexed nor counted, and afterwards the triggers work for single leads again:
    /// the search index matches the leads and the summaries equal a recount.
    func testABatchIndexesAndCountsItsLeadsAtTheEndAndTheTriggersWorkAgainAfterwards() throws {
        _ = try fixture.db.leadIntake.receive(json(#"{"company": "Tail", "source": "web"}"#), from: key)
        // Twenty leads of one name between two others use up the room between their name ranks
        // (16 halvings), so ranks are re-spread in the middle of the batch, old and new leads alike.
        let lines = (0..<30).map { number in
            #"{"company": "Firm \#(number)", "source": "\#(number % 3 == 0 ? "web" : "fair")"}"#
        } + [#"{"company": "Bad", "email": "not an address"}"#]
            + Array(repeating: #"{"company": "Same", "source": "fair"}"#, count: 20)
        let results = try fixture.db.leadIntake.receiveBatch(ndjson: Array(lines.joined(separator: "\n").utf8),
                                                              idempotencyKey: nil, from: key)
        XCTAssertEqual(results.filter { (try? $0.result.get()) != nil }.count, 50)
        _ = try fixture.db.leadIntake.receive(json(#"{"company": "Single", "source": "web"}"#), from: key)
        let summaries = try fixture.db.read { db in
            try LeadCountTable.allCases.map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table.rawValue) ORDER BY dimension, bucket, key, status_id, touched")
            }
        }
        XCTAssertEqual(summaries[0].filter { $0["dimension"] == "source" }.map { $0["n"] as Int }, [40, 12])
        let recounted = try fixture.db.write { db in
            try Schema.refillLeadCounts(db)
            return try LeadCountTable.allCases.map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table.rawValue) ORDER BY dimension, bucket, key, status_id, touched")
            }
        }
        XCTAssertEqual(summaries, recounted)
        try fixture.db.write { db in
            try db.execute(sql: "INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'firm'"), 30)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'same'"), 20)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'single OR tail'"), 2)
        }
        XCTAssertEqual(try fixture.db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_indexing_deferred") }, 0)
    }

    /// Duplicates are linked within one batch as across batches: a lead sharing a key with an
    /// earlier lead of the same batch, or with a lead stored before, points at the earliest, and
    /// the journal says so; a refused line between them changes nothing.
    func testDuplicatesWithinABatchAndWithEarlierLeadsAreLinkedToTheEarliest() throws {
        let earlier = try fixture.db.leadIntake.receive(json(#"{"company": "Old", "phone": "+49 30 1234567"}"#), from: key)
        let lines = [#"{"company": "First", "email": "Ana.Bell@example.com"}"#,
                     #"{"company": "Refused", "email": "ana.bell@example.com", "score": "lots"}"#,
                     #"{"company": "Second", "email": "ana.bell@EXAMPLE.com"}"#,
                     #"{"company": "Third", "phone": "030 1234567", "country": "DE"}"#]
        let results = try fixture.db.leadIntake.receiveBatch(ndjson: Array(lines.joined(separator: "\n").utf8),
                                                              idempotencyKey: nil, from: key)
        let ids = results.map { try? $0.result.get().leadID }
        XCTAssertNil(ids[1], "the invalid score is refused")
        let leads = fixture.db.leads(actingAs: fixture.admin)
        XCTAssertNil(try leads.get(id: XCTUnwrap(ids[0])).duplicateOfID)
        XCTAssertEqual(try leads.get(id: XCTUnwrap(ids[2])).duplicateOfID, ids[0])
        XCTAssertEqual(try leads.get(id: XCTUnwrap(ids[3])).duplicateOfID, earlier.leadID)
        let links = try fixture.db.read { db in
            try String.fetchAll(db, sql: "SELECT new_value FROM journal WHERE entity = 'lead' AND field = 'duplicateOf' ORDER BY id")
        }
        XCTAssertEqual(links, [ids[0].map(String.init), earlier.leadID.map(String.init)])
    }

    /// A batch looks up its receipts and duplicate keys in one go; keys holding quotes and
    /// backslashes are found like any others, in the next batch too.
    func testABatchFindsStoredReceiptsAndDuplicatesWhateverTheirKeysHold() throws {
        let odd = #"Qu\"ote \\ back\\slash"#
        let first = [#"{"company": "\#(odd)", "last_name": "O'Neil", "external_id": "\#(odd)"}"#,
                     #"{"company": "Plain", "email": "plain@example.com"}"#]
        let intake = fixture.db.leadIntake
        let stored = try intake.receiveBatch(ndjson: Array(first.joined(separator: "\n").utf8), idempotencyKey: nil, from: key)
        let storedIDs = try stored.map { try $0.result.get().leadID }
        let second = [#"{"company": "Other", "external_id": "\#(odd)"}"#,
                      #"{"company": "\#(odd)", "last_name": "o'neil"}"#,
                      #"{"company": "Unrelated", "external_id": "fresh"}"#]
        let results = try intake.receiveBatch(ndjson: Array(second.joined(separator: "\n").utf8), idempotencyKey: nil, from: key)
        XCTAssertEqual(try results[0].result.get(), .replayed(leadID: storedIDs[0]))
        let leads = fixture.db.leads(actingAs: fixture.admin)
        XCTAssertEqual(try leads.get(id: XCTUnwrap(results[1].result.get().leadID)).duplicateOfID, storedIDs[0])
        XCTAssertEqual(try leads.get(id: XCTUnwrap(results[1].result.get().leadID)).company, #"Qu"ote \ back\slash"#)
        XCTAssertEqual(try results[2].result.get().isReplay, false)
        XCTAssertNil(try leads.get(id: XCTUnwrap(results[2].result.get().leadID)).duplicateOfID)
    }

    /// Routing runs inside the transaction and may change the draft and history; a lead it
    /// refuses leaves nothing, and the rest of the batch still commits.
    func testTheRoutingStepShapesTheLeadAndCanRefuseOne() throws {
        struct Router: IntakeRouting, IntakeRoutingPass {
            let assignee: Int64
            func start(_ db: Database) throws -> any IntakeRoutingPass { self }
            func route(_ draft: inout LeadDraft, _ history: inout LeadHistory) throws {
                if draft.company == "Refused" { throw RuleViolationError("No rule takes refused leads.") }
                draft.assigneeID = assignee
                draft.priority = .high
                history.routingExplanation = "Rule 1 ‘all’: always"
            }
            func finish() throws {}
        }
        let intake = LeadIntake(database: fixture.db, router: Router(assignee: fixture.bob.id))
        let body = Array("{\"company\": \"Kept\"}\n{\"company\": \"Refused\", \"external_id\": \"r\"}\n".utf8)
        let results = try intake.receiveBatch(ndjson: body, idempotencyKey: nil, from: key)
        guard case .success(.created(let kept)) = results[0].result else { return XCTFail("\(results)") }
        guard case .failure(let refused) = results[1].result else { return XCTFail("\(results)") }
        XCTAssertEqual(refused.message, "No rule takes refused leads.")
        let lead = try fixture.db.leads(actingAs: fixture.admin).get(id: kept)
        XCTAssertEqual(lead.assigneeID, fixture.bob.id)
        XCTAssertEqual(lead.priority, .high)
        XCTAssertEqual(lead.history.routingExplanation, "Rule 1 ‘all’: always")
        XCTAssertEqual(try counts().prefix(3), [1, 1, 0], "the refused lead left no lead, payload or receipt")
    }

    /// The endpoint's intake routes by the stored rules: the lead lands with the rule's seller,
    /// says why, and a distribution advances its stored state in the lead's transaction.
    func testIntakeRoutesByTheStoredRules() throws {
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        _ = try rules.create(LeadRule(name: "Web split", conditions: [.contains(.source, "web")],
                                      outcome: .distribution([SellerShare(sellerID: fixture.alice.id, weight: 1),
                                                              SellerShare(sellerID: fixture.bob.id, weight: 1)]),
                                      priority: .high))
        let intake = fixture.db.leadIntake
        let leads = try (1...4).map { number in
            try fixture.db.leads(actingAs: fixture.admin).get(
                id: XCTUnwrap(intake.receive(json(#"{"company": "Kestrel \#(number)", "source": "Web form"}"#), from: key).leadID))
        }
        XCTAssertEqual(leads.map(\.assigneeID), [fixture.alice.id, fixture.bob.id, fixture.alice.id, fixture.bob.id])
        XCTAssertEqual(Set(leads.map(\.priority)), [.high])
        XCTAssertTrue(leads[0].history.routingExplanation.hasPrefix("Rule 1 ‘Web split’: source contains ‘web’"),
                      leads[0].history.routingExplanation)
        let unrouted = try intake.receive(json(#"{"company": "Elsewhere", "source": "fair"}"#), from: key)
        let pooled = try fixture.db.leads(actingAs: fixture.admin).get(id: XCTUnwrap(unrouted.leadID))
        XCTAssertNil(pooled.assigneeID)
        XCTAssertNil(pooled.history.routingRuleID)
    }

    /// A sender hears 201 only after its lead is on disk, but the disk sync happens after the
    /// commit, outside the write lock, and a batch syncs once for all its short transactions.
    func testDurableCommitsSyncAfterEachCommitAndOncePerBatch() throws {
        let database = try AppDatabase.open(path: try temporaryDatabasePath(self))
        let key = try database.apiKeys(actingAs: nil).create(
            ApiKeyDraft(name: "Web form"), credentials: ApiKeyCredentials(keyHash: "h2", keyPrefix: "crm_h2", signingSecret: nil))
        _ = try database.leadIntake.receive(json(#"{"company": "Not yet durable"}"#), from: key)
        XCTAssertEqual(database.commitSyncCount, 0, "the app's own writes keep SQLite's NORMAL syncing")

        database.requireDurableCommits()
        _ = try database.leadIntake.receive(json(#"{"company": "Kestrel"}"#), from: key)
        _ = try database.leadIntake.receive(json(#"{"company": "Osprey"}"#), from: key)
        XCTAssertEqual(database.commitSyncCount, 2)

        let lines = (1...300).map { #"{"company": "Batch \#($0)"}"# }.joined(separator: "\n")
        let results = try database.leadIntake.receiveBatch(ndjson: Array(lines.utf8), idempotencyKey: nil, from: key)
        XCTAssertEqual(results.count, 300)
        XCTAssertEqual(database.commitSyncCount, 3, "300 leads are written in several short transactions but synced once")
        XCTAssertEqual(try database.leads(actingAs: nil).count(LeadQuery(view: .all), cap: 1_000).value, 303)
    }
}
