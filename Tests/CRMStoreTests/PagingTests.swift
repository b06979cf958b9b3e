import CRMCore
import CRMStore
import XCTest

/// Keyset paging must visit every row exactly once, in the same order as a full sort, whichever
/// way and from wherever the list is walked.
final class PagingTests: XCTestCase {
    private var fixture: Fixture!
    private var expectedByName: [Int64] = []

    override func setUpWithError() throws {
        let clock = Clock()
        fixture = try Fixture(clock: { clock.next() })
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let names = ["Novák", "Dvořák", "Čermáková", "Müller", "van der Berg", "Jansen", "山田", "Ábel", "abel", "Zeta"]
        let cities = ["Praha", "Brno", "", "Köln", "Amsterdam"]
        var created: [Account] = []
        for number in 0..<500 {
            // Many equal names, so the id tie-break is exercised.
            let draft = fixture.company("\(names[number % names.count]) \(number % 7)", city: cities[number % cities.count])
            created.append(try accounts.create(draft))
        }
        expectedByName = created.sorted { left, right in
            let (l, r) = (SearchText.fold(left.displayName), SearchText.fold(right.displayName))
            return l != r ? l < r : left.id < right.id
        }.map(\.id)
    }

    private func walkForward(_ query: AccountQuery, pageSize: Int) throws -> [Int64] {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        var ids: [Int64] = []
        var page = try accounts.page(query, .first, limit: pageSize)
        while let last = page.last {
            ids += page.map(\.id)
            page = try accounts.page(query, .after(query.cursor(for: last)), limit: pageSize)
        }
        return ids
    }

    private func walkBackward(_ query: AccountQuery, pageSize: Int) throws -> [Int64] {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        var ids: [Int64] = []
        var page = try accounts.page(query, .last, limit: pageSize)
        while let first = page.first {
            ids = page.map(\.id) + ids
            page = try accounts.page(query, .before(query.cursor(for: first)), limit: pageSize)
        }
        return ids
    }

    func testForwardBackwardAndEndAgreeWithAFullSort() throws {
        let query = AccountQuery(sort: .name)
        XCTAssertEqual(try walkForward(query, pageSize: 37), expectedByName)
        XCTAssertEqual(try walkBackward(query, pageSize: 41), expectedByName)
        let last = try fixture.db.accounts(actingAs: fixture.alice).page(query, .last, limit: 40)
        XCTAssertEqual(last.map(\.id), Array(expectedByName.suffix(40)))
    }

    func testDescendingOrderIsTheReverse() throws {
        let query = AccountQuery(sort: .name, ascending: false)
        XCTAssertEqual(try walkForward(query, pageSize: 50), expectedByName.reversed())
        XCTAssertEqual(try walkBackward(query, pageSize: 33), expectedByName.reversed())
    }

    func testCitySortBreaksTiesByName() throws {
        let query = AccountQuery(sort: .city)
        let ids = try walkForward(query, pageSize: 45)
        XCTAssertEqual(ids.count, 500)
        let accounts = try ids.map { try fixture.db.accounts(actingAs: fixture.alice).get(id: $0) }
        let keys = accounts.map { [SearchText.fold($0.city), SearchText.fold($0.displayName), String($0.id)] }
        XCTAssertEqual(try walkBackward(query, pageSize: 45), ids)
        XCTAssertEqual(accounts.first?.city, "", "empty cities sort first")
        for (earlier, later) in zip(keys, keys.dropFirst()) {
            XCTAssertLessThanOrEqual(earlier[0], later[0])
        }
    }

    func testUpdatedSortFollowsTheClock() throws {
        let query = AccountQuery(sort: .updated, ascending: false)
        let ids = try walkForward(query, pageSize: 64)
        XCTAssertEqual(ids, try walkBackward(query, pageSize: 64))
        XCTAssertEqual(ids.first, expectedByName.max(), "the last created is the most recently updated")
    }

    func testStartingAtRefetchesTheWindowInPlace() throws {
        let query = AccountQuery()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let window = try accounts.page(query, .after(query.cursor(for: accounts.get(id: expectedByName[99]))), limit: 20)
        let again = try accounts.page(query, .startingAt(query.cursor(for: window[0])), limit: 20)
        XCTAssertEqual(again, window)
        XCTAssertEqual(window.map(\.id), Array(expectedByName[100..<120]))
    }

    func testCountStopsAtTheCap() throws {
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        XCTAssertEqual(try accounts.count(AccountQuery(), cap: 10_000), BoundedCount(value: 500, isExact: true))
        XCTAssertEqual(try accounts.count(AccountQuery(), cap: 100).description, "100+")
    }
}

/// A clock that ticks one millisecond per reading, so update times are distinct and ordered.
final class Clock: @unchecked Sendable {
    private var now = Date(timeIntervalSince1970: 1_700_000_000)
    private let lock = NSLock()

    func next() -> Date {
        lock.withLock {
            now = now.addingTimeInterval(0.001)
            return now
        }
    }
}
