import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// The reads behind the Kanban board (OP-3): totals per status and currency under the list's
/// own conditions, and one column paged in name order through the status index.
final class OpportunityBoardReadsTests: XCTestCase {
    private var fixture: Fixture!
    private var statuses: [String: OpportunityStatus] = [:]

    override func setUpWithError() throws {
        fixture = try Fixture()
        let list = try fixture.db.opportunityStatuses(actingAs: fixture.admin).list()
        statuses = Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }

    private func id(_ status: String) -> Int64 { statuses[status]!.id }

    @discardableResult
    private func create(_ name: String, in status: String, amount: String? = nil, currency: String = "EUR",
                        account: Account? = nil, as user: User? = nil) throws -> Opportunity {
        var draft = OpportunityDraft(name: name, statusID: id(status))
        draft.accountID = try (account ?? sharedAccount()).id
        draft.expectedClose = CalendarDate(parsing: "2026-12-31")
        if let amount { draft.amount = Money(Decimal(string: amount)!, try Currency(code: currency)) }
        if statuses[status]?.kind == .lost {  // a lost deal says why
            draft.lostReasonID = try fixture.db.lostReasons(actingAs: fixture.admin).list().first?.id
        }
        return try fixture.db.opportunities(actingAs: user ?? fixture.alice).create(draft)
    }

    private var shared: Account?

    /// A public account for opportunities in statuses that require one.
    private func sharedAccount() throws -> Account {
        if let shared { return shared }
        shared = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        return shared!
    }

    private func sums(_ totals: CurrencyTotals?) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (totals?.sums ?? [:]).map { ($0.key.code, Money($0.value, $0.key).amountText()) })
    }

    func testTotalsArePerStatusAndCurrencyAndCountRowsWithoutAmount() throws {
        try create("A", in: "Prospecting", amount: "100.10")
        try create("B", in: "Prospecting", amount: "0.90")
        try create("C", in: "Prospecting", amount: "5000", currency: "CZK")
        try create("D", in: "Prospecting")
        try create("E", in: "Lost", amount: "7", currency: "USD")

        let totals = try fixture.db.opportunities(actingAs: fixture.alice).totalsByStatus(OpportunityQuery())
        XCTAssertEqual(Set(totals.keys), [id("Prospecting"), id("Lost")], "empty statuses are absent")
        XCTAssertEqual(totals[id("Prospecting")]?.count, 4, "the row without an amount is counted")
        XCTAssertEqual(sums(totals[id("Prospecting")]), ["EUR": "101.00", "CZK": "5000.00"])
        XCTAssertEqual(totals[id("Lost")]?.count, 1)
        XCTAssertEqual(sums(totals[id("Lost")]), ["USD": "7.00"])

        let rates = ExchangeRateTable(base: try Currency(code: "EUR"), rates: ["CZK": Decimal(string: "0.04")!])
        XCTAssertEqual(totals[id("Prospecting")]?.total(in: rates).description, "301.00 EUR")
        XCTAssertEqual(totals[id("Lost")]?.unconverted(rates).map(\.code), ["USD"])
    }

    func testTotalsHidePrivateAccountsFromOthersAndFollowTheFilterAndView() throws {
        var secret = fixture.company("Secret Ltd")
        secret.isPrivate = true
        let hidden = try fixture.db.accounts(actingAs: fixture.alice).create(secret)
        try create("Hush deal", in: "Proposal", amount: "900", account: hidden)
        try create("Open deal", in: "Proposal", amount: "100")
        try create("Bob's deal", in: "Proposal", amount: "40", as: fixture.bob)

        let forAlice = try fixture.db.opportunities(actingAs: fixture.alice).totalsByStatus(OpportunityQuery())
        let forBob = try fixture.db.opportunities(actingAs: fixture.bob).totalsByStatus(OpportunityQuery())
        XCTAssertEqual(forAlice[id("Proposal")]?.count, 3)
        XCTAssertEqual(sums(forAlice[id("Proposal")]), ["EUR": "1040.00"])
        XCTAssertEqual(forBob[id("Proposal")]?.count, 2, "the private account's opportunity is not counted for Bob")
        XCTAssertEqual(sums(forBob[id("Proposal")]), ["EUR": "140.00"])

        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let filtered = try repo.totalsByStatus(OpportunityQuery(filter: "open"))
        XCTAssertEqual(filtered[id("Proposal")]?.count, 1)
        XCTAssertEqual(sums(filtered[id("Proposal")]), ["EUR": "100.00"])
        XCTAssertEqual(filtered[id("Proposal")]?.count, try repo.count(OpportunityQuery(statusID: id("Proposal"), filter: "open")).value,
                       "totals and the column agree")
    }

    /// The unfiltered board sums the totals the writes keep (v23); they must stay what summing
    /// the visible opportunities gives, for each user, after every kind of write.
    func testKeptTotalsFollowEveryWrite() throws {
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let moved = try create("Moved", in: "Prospecting", amount: "10")
        let deleted = try create("Deleted", in: "Prospecting")
        let converted = try create("Converted", in: "Proposal", amount: "20", currency: "USD")
        try create("Bob's", in: "Proposal", amount: "5", as: fixture.bob)
        var secret = fixture.company("Secret Ltd")
        secret.isPrivate = true
        try create("Hush", in: "Negotiation", amount: "900", account: try fixture.db.accounts(actingAs: fixture.alice).create(secret))
        try assertKeptTotalsAreTheSums("after creating")

        var fields = moved.fields
        fields.statusID = id("Qualification")
        fields.amount = Money(Decimal(string: "15.50")!, try Currency(code: "EUR"))
        _ = try repo.update(id: moved.id, with: fields, expectedVersion: moved.version)
        fields = converted.fields
        fields.amount = Money(700, try Currency(code: "CZK"))
        _ = try repo.update(id: converted.id, with: fields, expectedVersion: converted.version)
        try repo.delete(id: deleted.id, expectedVersion: deleted.version)
        try assertKeptTotalsAreTheSums("after moving, changing amounts and deleting")

        let account = try sharedAccount()
        var draft = account.fields
        draft.isPrivate = true
        _ = try fixture.db.accounts(actingAs: fixture.alice).update(id: account.id, with: draft, expectedVersion: account.version)
        try assertKeptTotalsAreTheSums("after an account turned private")
        XCTAssertEqual(try fixture.db.opportunities(actingAs: fixture.bob).totalsByStatus(OpportunityQuery()), [:],
                       "every deal left is on an account Alice made private, Bob's own too")
    }

    /// Compares the unfiltered totals of Alice and Bob with the visible opportunities summed.
    private func assertKeptTotalsAreTheSums(_ when: String, line: UInt = #line) throws {
        for user in [fixture.alice, fixture.bob] {
            let kept = try fixture.db.opportunities(actingAs: user).totalsByStatus(OpportunityQuery())
            let rows = try fixture.db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT status_id, currency, count(*) AS records, sum(amount_minor) AS minor FROM opportunities
                    WHERE private_owner_id IS NULL OR private_owner_id = ? GROUP BY status_id, currency
                    """, arguments: [user.id])
            }
            let summed = try totals(of: rows)
            XCTAssertEqual(kept.mapValues(\.count), summed.mapValues(\.count), "\(user.login) \(when)", line: line)
            XCTAssertEqual(kept.mapValues(sums), summed.mapValues(sums), "\(user.login) \(when)", line: line)
        }
    }

    /// The totals of rows grouped by status and currency, added up as the repository does.
    private func totals(of rows: [Row]) throws -> [Int64: CurrencyTotals] {
        var totals: [Int64: CurrencyTotals] = [:]
        for row in rows {
            let code: String? = row["currency"]
            if let code {
                totals[row["status_id"], default: CurrencyTotals()].add(count: row["records"], minorUnits: row["minor"],
                                                                         currency: try Currency(code: code))
            } else {
                totals[row["status_id"], default: CurrencyTotals()].count += row["records"]
            }
        }
        return totals
    }

    func testColumnPagesInNameOrderAndOnlyItsStatus() throws {
        for name in ["delta", "Alpha", "charlie", "Bravo", "echo"] { try create(name, in: "Qualification") }
        try create("Aardvark", in: "Prospecting")
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let column = OpportunityQuery(statusID: id("Qualification"), sort: .name)
        let first = try repo.page(column, .first, limit: 2)
        XCTAssertEqual(first.map(\.name), ["Alpha", "Bravo"])
        let next = try repo.page(column, .after(column.cursor(for: first[1])), limit: 10)
        XCTAssertEqual(next.map(\.name), ["charlie", "delta", "echo"])
        XCTAssertEqual(try repo.page(column, .last, limit: 2).map(\.name), ["delta", "echo"])
        XCTAssertEqual(try repo.count(column).value, 5)
    }

    func testRefusedMoveLeavesTotalsAndTheSavedMoveShiftsThem() throws {
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let card = try create("Fleet", in: "Qualification")
        XCTAssertThrowsError(try repo.move(card, to: card.fields(movedTo: id("Proposal")))) { error in
            XCTAssertEqual((error as? MissingRequiredFieldsError)?.fields, [.amount])
        }
        XCTAssertNil(try repo.totalsByStatus(OpportunityQuery())[id("Proposal")])
        var filled = card.fields
        filled.amount = Money(250, try Currency(code: "EUR"))
        filled.statusID = id("Proposal")
        _ = try repo.update(id: card.id, with: filled, expectedVersion: card.version)
        let totals = try repo.totalsByStatus(OpportunityQuery())
        XCTAssertNil(totals[id("Qualification")])
        XCTAssertEqual(sums(totals[id("Proposal")]), ["EUR": "250.00"])
    }

    // MARK: - Query plans

    /// How SQLite plans the statements on opportunities that `body` runs.
    private func plans(_ body: () throws -> Void) throws -> [String] {
        try fixture.db.queryPlans(of: "FROM opportunities o", body)
    }

    func testUnfilteredTotalsReadNoOpportunityAndFilteredOnesOnlyTheCoveringIndex() throws {
        try create("A", in: "Prospecting", amount: "1")
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        XCTAssertEqual(try plans { _ = try repo.totalsByStatus(OpportunityQuery()) }, [], "the kept totals answer")
        let plan = try plans { _ = try repo.totalsByStatus(OpportunityQuery(filter: "close<2027-01-01")) }
        XCTAssertEqual(plan.count, 1, "one grouped query: \(plan)")
        XCTAssertTrue(plan[0].contains("COVERING INDEX opportunities_totals"), plan[0])
        XCTAssertFalse(plan[0].contains("TEMP B-TREE"), "groups come in index order: \(plan[0])")
    }

    func testColumnPagesWalkTheStatusIndex() throws {
        let column = OpportunityQuery(statusID: id("Negotiation"), sort: .name)
        let card = try create("A", in: "Negotiation", amount: "10")
        let plan = try plans {
            let repo = fixture.db.opportunities(actingAs: fixture.alice)
            _ = try repo.page(column, .first, limit: 20)
            _ = try repo.page(column, .after(column.cursor(for: card)), limit: 20)
            _ = try repo.page(column, .last, limit: 20)
        }
        XCTAssertEqual(plan.count, 3, "\(plan)")
        for detail in plan {
            XCTAssertTrue(detail.contains("INDEX opportunities_by_status"), detail)
            XCTAssertFalse(detail.contains("TEMP B-TREE"), "pages come in index order: \(detail)")
        }
    }
}
