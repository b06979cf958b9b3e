import CRMCore
@testable import CRMStore
import GRDB
import XCTest

final class QuickFilterTests: XCTestCase {
    private var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let rows: [(String, String, String)] = [
            ("Dvořák a syn s.r.o.", "Praha", "info@dvorak.cz"),
            ("Müller Maschinenbau GmbH", "München", "kontakt@mueller.de"),
            ("van der Berg B.V.", "Amsterdam", "post@vdberg.nl"),
            ("株式会社山田", "東京", "info@yamada.co.jp"),
            ("O'Brien & Sons 100% Ltd", "London", "sales@obrien.co.uk"),
            ("Novotný_Tisk", "Brno", ""),
        ]
        for (name, city, email) in rows {
            _ = try accounts.create(fixture.company(name, city: city, email: email))
        }
    }

    private func names(_ filter: String) throws -> [String] {
        try fixture.db.accounts(actingAs: fixture.alice).page(AccountQuery(filter: filter), .first, limit: 50).map(\.displayName)
    }

    func testTokensArePrefixesOfWordsIgnoringCaseAndAccents() throws {
        XCTAssertEqual(try names("dvor"), ["Dvořák a syn s.r.o."])
        XCTAssertEqual(try names("DVOŘ"), ["Dvořák a syn s.r.o."])
        XCTAssertEqual(try names("vor"), [], "a token must start a word")
        XCTAssertEqual(try names("mull mun"), ["Müller Maschinenbau GmbH"])
        XCTAssertEqual(try names("mull praha"), [], "every token must match")
        XCTAssertEqual(try names("berg"), ["van der Berg B.V."])
        XCTAssertEqual(try names("山"), [], "CJK without spaces is one word")
        XCTAssertEqual(try names("株式"), ["株式会社山田"])
        XCTAssertEqual(try names("東京"), ["株式会社山田"])
        XCTAssertEqual(try names("obrien.co"), ["O'Brien & Sons 100% Ltd"], "e-mail words match")
        XCTAssertEqual(try names("tisk"), ["Novotný_Tisk"], "underscore separates words")
    }

    /// SQL and FTS syntax is never run: text either filters as words or, where it is filter
    /// language gone wrong (an unclosed quote, a lone colon), is refused with a `FilterError`.
    func testSyntaxCharactersNeverReachSQLOrTheSearchIndex() throws {
        for filter in ["'", "\"", "*", "%", "_", "o'", "100%", "\" OR 1=1 --", "NEAR(", "a AND", "-x", "^", ":", "()"] {
            do {
                _ = try names(filter)
            } catch is FilterError {
                continue
            } catch {
                XCTFail("\(filter): \(error)")
            }
        }
        XCTAssertEqual(try names("o'brien"), ["O'Brien & Sons 100% Ltd"])
        XCTAssertEqual(try names("100%"), ["O'Brien & Sons 100% Ltd"])
        XCTAssertEqual(try names("%").count, 6, "a filter without words filters nothing")
    }

    func testCountsFollowTheFilter() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        XCTAssertEqual(try accounts.count(AccountQuery(filter: "info")).value, 2)
        XCTAssertEqual(try accounts.count(AccountQuery(filter: "zzz")).value, 0)
    }

    /// Walking the sort index, the FTS detour, and a walk that runs out of budget and falls
    /// back must all give identical pages and counts.
    func testAllPlansAgree() throws {
        let visibility = Visibility(user: fixture.alice)
        func list(_ filter: String, narrow: Bool, sparseLimit: Int = 10_000) -> KeysetList {
            KeysetList(
                table: "accounts", alias: "a", selection: AccountColumns.selection(for: fixture.alice.id),
                sortColumns: ["sort_city", "sort_name"], ascending: false, conditions: [visibility.accounts("a")],
                filter: QuickFilter(table: "accounts", text: filter, sparseLimit: sparseLimit, walkBudget: 3),
                isNarrow: narrow)
        }
        for filter in ["", "d", "info", "mull mun", "b", "co uk", "株式", "zzz", "a", "s"] {
            try fixture.db.read { db in
                let walked = try list(filter, narrow: true).page(db, .first, limit: 4).map { $0["id"] as Int64 }
                let indexed = try list(filter, narrow: false).page(db, .first, limit: 4).map { $0["id"] as Int64 }
                let budgeted = try list(filter, narrow: false, sparseLimit: 1).page(db, .first, limit: 4)
                    .map { $0["id"] as Int64 }
                XCTAssertEqual(walked, indexed, filter)
                XCTAssertEqual(budgeted, indexed, filter)
                XCTAssertEqual(try list(filter, narrow: true).count(db, cap: 100), try list(filter, narrow: false).count(db, cap: 100))
            }
        }
    }

    func testFewMatchesUseTheSearchIndexAndManyWalkFirst() throws {
        try fixture.db.read { db in
            let sparse = try QuickFilter(table: "accounts", text: "info").pagePlans(db, narrow: false, sortedByName: false)
            XCTAssertEqual(sparse.count, 1)
            let dense = try QuickFilter(table: "accounts", text: "info", sparseLimit: 2, walkBudget: 500)
                .pagePlans(db, narrow: false, sortedByName: false)
            XCTAssertEqual(dense.count, 2)
            guard case .scan(_, budget: 500) = dense[0], case .searchIndex = dense[1] else {
                return XCTFail("a dense filter walks with a budget, then falls back: \(dense)")
            }
        }
    }

    func testListsSortedByNameReadTheSearchIndexInRankOrder() throws {
        try fixture.db.read { db in
            let filter = QuickFilter(table: "accounts", text: "info", sparseLimit: 2, walkBudget: 500)
            let plans = try filter.pagePlans(db, narrow: false, sortedByName: true)
            guard plans.count == 1, case .rankedSearchIndex = plans[0] else {
                return XCTFail("sorted by name, the ranked search index answers alone: \(plans)")
            }
            guard case .scan = try filter.pagePlans(db, narrow: true, sortedByName: true)[0] else {
                return XCTFail("narrow lists still walk")
            }
        }
    }
}
