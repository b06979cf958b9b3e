import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// `name_rank` must stay ordered exactly like `(sort_name, id)` through inserts and renames,
/// including the local re-spreads when two neighbours have no rank left between them, and the
/// search index keyed by it must follow; pages read in rank order must equal the walked ones.
final class NameRankTests: XCTestCase {
    private var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
    }

    private func account(_ name: String, _ number: Int) -> AccountDraft {
        fixture.company(name, email: "u\(number)@example.com")
    }

    /// Numbers `table` one apart, so the next insert between two rows needs a re-spread.
    private func packRanks(_ table: String) throws {
        try fixture.db.writer.write { db in
            try NameRank.renumberAll(db, table: table, gap: 1)
            try Schema.refillSearchIndex(db, table: table)
        }
    }

    private func ranks(_ table: String) throws -> [Int64?] {
        try fixture.db.read { db in
            try Int64?.fetchAll(db, sql: "SELECT name_rank FROM \(table) ORDER BY sort_name, id")
        }
    }

    private func assertRanksFollowNames(_ table: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let ranks = try ranks(table)
        XCTAssertFalse(ranks.contains(nil), "every row has a rank", file: file, line: line)
        for (left, right) in zip(ranks, ranks.dropFirst()) {
            XCTAssertLessThan(left ?? 0, right ?? 0, "ranks are strictly in name order", file: file, line: line)
        }
        try fixture.db.writer.write { db in
            // For an external-content table this checks the index against the rows themselves.
            try db.execute(sql: "INSERT INTO \(table)_fts(\(table)_fts) VALUES ('integrity-check')")
        }
    }

    /// Every account is still found by the filter on its own e-mail word.
    private func assertEveryAccountIsFound(file: StaticString = #filePath, line: UInt = #line) throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let all = try accounts.page(AccountQuery(), .first, limit: 10_000)
        for account in all {
            let word = String(account.fields.email.prefix { $0 != "@" })
            let found = try accounts.page(AccountQuery(filter: word), .first, limit: 10_000).map(\.id)
            XCTAssertTrue(found.contains(account.id), "\(word) finds \(account.displayName)", file: file, line: line)
        }
    }

    func testHalvingAtOneSpotRespreadsLocallyAndKeepsOrder() throws {
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        // More than a first window of neighbours on either side of the spot.
        for _ in 0..<20 {
            _ = try contacts.create(fixture.person("Adam", "Abel"))
            _ = try contacts.create(fixture.person("Zuzana", "Zelená"))
        }
        let first = try ranks("contacts")
        // Each new "Jan Novák" sorts last among its namesakes, just before Zuzana: the gap
        // there halves with every insert and runs out after 32 of them, several times over.
        for _ in 0..<120 {
            _ = try contacts.create(fixture.person("Jan", "Novák"))
        }
        try assertRanksFollowNames("contacts")
        let last = try ranks("contacts")
        XCTAssertEqual(last.first, first.first, "rows outside the window keep their rank")
        XCTAssertEqual(last.last, first.last, "rows outside the window keep their rank")
        let found = try contacts.page(ContactQuery(filter: "nov"), .first, limit: 500)
        XCTAssertEqual(found.count, 120, "the search index followed every re-spread")
    }

    /// An intake batch ranks its leads at once: ranges too crowded for their new leads are
    /// re-spread first, new leads of one name keep their arrival order, and the search index
    /// (written at the end of the batch) matches the rows.
    func testABatchOfLeadsIsRankedAtOnceEvenAmongPackedRows() throws {
        let leads = fixture.db.leads(actingAs: fixture.alice)
        for name in ["Abel", "Kern", "Zorn"] {
            for _ in 0..<5 {
                var draft = LeadDraft()
                draft.company = name
                _ = try leads.create(draft)
            }
        }
        try packRanks("leads")
        let key = try fixture.db.apiKeys(actingAs: nil).create(
            ApiKeyDraft(name: "Form"), credentials: ApiKeyCredentials(keyHash: "h", keyPrefix: "crm_h", signingSecret: nil))
        let names = ["Kern", "Baum", "Abel", "Zorn", "Mohn", "Aaron"]
        let lines = (0..<60).map { #"{"company": "\#(names[$0 % names.count])"}"# }
        let results = try fixture.db.leadIntake.receiveBatch(ndjson: Array(lines.joined(separator: "\n").utf8),
                                                              idempotencyKey: nil, from: key)
        XCTAssertEqual(results.compactMap { try? $0.result.get().leadID }.count, 60)
        try assertRanksFollowNames("leads")
        let kern = try leads.page(LeadQuery(view: .open, filter: "kern", sort: .name, ascending: true), .first, limit: 100)
        XCTAssertEqual(kern.count, 15)
        XCTAssertEqual(kern.map(\.id), kern.map(\.id).sorted(), "namesakes in arrival order")
    }

    func testInsertsIntoAPackedTableWidenTheWindow() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        for number in 0..<40 {
            _ = try accounts.create(account(number < 20 ? "Alfa \(number)" : "Gama \(number)", number))
        }
        try packRanks("accounts")
        for number in 40..<100 {
            _ = try accounts.create(account(number % 2 == 0 ? "Beta" : "Alfa 1\(number)", number))
            try assertRanksFollowNames("accounts")
        }
        try assertEveryAccountIsFound()
    }

    func testRenamesMoveRanksWithTheName() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        var created: [Account] = []
        for number in 0..<60 {
            created.append(try accounts.create(account("Delta \(number % 10) \(number)", number)))
        }
        try packRanks("accounts")
        for (step, original) in created.enumerated() where step % 3 != 2 {
            var draft = original.fields
            // Short moves (the old rank lies inside the re-spread window) and long ones.
            draft.name = step % 3 == 0 ? "Delta \(step % 10) \(step)x" : "Omega \(step % 4)"
            _ = try accounts.update(id: original.id, with: draft, expectedVersion: original.version)
            try assertRanksFollowNames("accounts")
        }
        let unchanged = created[2]
        let before = try ranks("accounts")
        _ = try accounts.update(id: unchanged.id, with: unchanged.fields, expectedVersion: unchanged.version)
        XCTAssertEqual(try ranks("accounts"), before, "saving without renaming keeps every rank")
        try assertEveryAccountIsFound()
    }

    func testTypeRenamesRederiveRanks() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        for number in 0..<30 {
            var draft = AccountDraft(typeID: fixture.personType.id)
            (draft.firstName, draft.lastName, draft.name) = ("P\(number)", "Person", "Z Firm \(30 - number)")
            draft.email = "u\(number)@example.com"
            _ = try accounts.create(draft)
            _ = try accounts.create(account("Firm \(number)", 100 + number))
        }
        try packRanks("accounts")
        var draft = fixture.personType.draft
        (draft.usesPersonName, draft.usesOrganisationName) = (false, true)
        _ = try fixture.db.accountTypes(actingAs: fixture.admin)
            .update(id: fixture.personType.id, with: draft, expectedVersion: fixture.personType.version)
        try assertRanksFollowNames("accounts")
        try assertEveryAccountIsFound()
    }

    // MARK: - The ranked plan against the walk

    private func list(_ filter: String, ascending: Bool, walk: Bool) -> KeysetList {
        KeysetList(
            table: "accounts", alias: "a", selection: AccountColumns.selection(for: fixture.alice.id),
            sortColumns: ["sort_name"], ascending: ascending,
            conditions: [Visibility(user: fixture.alice).accounts("a")],
            filter: QuickFilter(table: "accounts", text: filter), isNarrow: walk)
    }

    private func ids(_ rows: [Row]) -> [Int64] { rows.map { $0["id"] } }

    private func cursor(_ row: Row) -> PageCursor {
        PageCursor(keys: [.text(row["sort_name"])], id: row["id"])
    }

    func testRankedPagesEqualWalkedPages() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let names = ["Novák", "Nováková", "Maria Schmidt", "Marie Curie", "Mario", "Schulz", "山田", "Ábel", "abel"]
        for number in 0..<90 {
            _ = try accounts.create(account("\(names[number % names.count]) \(number % 4)", number))
        }
        try packRanks("accounts")
        for number in 90..<120 {
            _ = try accounts.create(account("\(names[number % names.count]) \(number % 4)", number))
        }
        let stale = PageCursor(keys: [.text("mario")], id: 1_000_000)
        for filter in ["", "n", "nov", "mari", "sch", "u1", "abel", "山田", "m 2", "zzz"] {
            for ascending in [true, false] {
                let ranked = list(filter, ascending: ascending, walk: false)
                let walked = list(filter, ascending: ascending, walk: true)
                let label = "\(filter) \(ascending ? "ascending" : "descending")"
                try fixture.db.read { db in
                    var positions: [PagePosition] = [.first, .last, .after(stale), .before(stale), .startingAt(stale)]
                    for row in try walked.page(db, .first, limit: 1_000) {
                        positions += [.after(cursor(row)), .before(cursor(row)), .startingAt(cursor(row))]
                    }
                    for position in positions {
                        XCTAssertEqual(
                            ids(try ranked.page(db, position, limit: 3)), ids(try walked.page(db, position, limit: 3)),
                            "\(label) \(position)")
                    }
                }
            }
        }
    }
}

/// A database made before name ranks gets them, in name order, with a search index keyed by them.
final class NameRankMigrationTests: XCTestCase {
    func testV7RanksExistingRowsAndReindexesThem() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v6-filter-walk-indexes")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO users (login, display_name, role) VALUES ('a', 'A', ?)",
                           arguments: [Role.admin.rawValue])
            for (number, name) in ["zora", "adam", "mara", "adam", "bob"].enumerated() {
                try db.execute(sql: """
                    INSERT INTO contacts (type_id, first_name, last_name, job_title, email, phone, mobile, messenger,
                        note, created_by_id, created_at, updated_at, sort_name, sort_account, search_text)
                    VALUES (1, '', ?, '', '', '', '', '', '', 1, 0, 0, ?, '', ?)
                    """, arguments: [name, name, " \(name) w\(number)"])
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM contacts ORDER BY name_rank")
            XCTAssertEqual(ids, [2, 4, 5, 3, 1])
            let matched = try Int64.fetchAll(db, sql: """
                SELECT c.id FROM contacts_fts m JOIN contacts c ON c.name_rank = m.rowid
                WHERE m.contacts_fts MATCH 'adam' ORDER BY m.rowid
                """)
            XCTAssertEqual(matched, [2, 4])
            try db.execute(sql: "INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')")
        }
    }
}
