import CRMCore
import CRMStore
import XCTest

/// The filter language on opportunities, evaluated by the store against real rows (FI-2).
final class OpportunityFilterTests: XCTestCase {
    private var fixture: Fixture!

    override func setUpWithError() throws {
        // 2026-11-18 11:06 UTC
        fixture = try Fixture(clock: { Date(timeIntervalSince1970: 1_795_000_000) })
        let money = fixture.db.moneySettings(actingAs: fixture.admin)
        _ = try money.setRate(Decimal(string: "0.04")!, for: Currency(code: "CZK"), from: CalendarDate(year: 2026, month: 1, day: 1)!)
        let statuses = try fixture.db.opportunityStatuses(actingAs: fixture.admin).list()
        func status(_ name: String) -> Int64 { statuses.first { $0.name == name }!.id }
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        let rows: [(String, String, Int64?, String?, String?, User)] = [
            ("Alpha", "Prospecting", nil, nil, nil, fixture.alice),
            ("Bravo", "Proposal", 2_000_000, "CZK", "2026-12-01", fixture.alice),    // 800 EUR
            ("Charlie", "Negotiation", 150_000, "EUR", "2027-03-01", fixture.bob),    // 1,500 EUR
            ("Delta", "Won", 5_000_000, "CZK", "2026-11-20", fixture.bob),           // 2,000 EUR
            ("Echo", "Lost", 90_000, "EUR", "2026-10-01", fixture.alice),
        ]
        for (name, statusName, minor, code, close, owner) in rows {
            var draft = OpportunityDraft(name: name, statusID: status(statusName))
            draft.accountID = account.id
            draft.ownerID = owner.id
            if let minor, let code { draft.amount = Money(minorUnits: minor, try Currency(code: code)) }
            draft.expectedClose = close.flatMap(CalendarDate.init(parsing:))
            if statusName == "Lost" { draft.lostReasonID = try fixture.db.lostReasons(actingAs: owner).list().first?.id }
            _ = try fixture.db.opportunities(actingAs: owner).create(draft)
        }
    }

    private func names(_ filter: String, as user: User? = nil) throws -> [String] {
        try fixture.db.opportunities(actingAs: user ?? fixture.alice)
            .page(OpportunityQuery(filter: filter), .first, limit: 50).map(\.name)
    }

    func testStatusNamesKindsAndTags() throws {
        XCTAssertEqual(try names("status:open"), ["Alpha", "Bravo", "Charlie"])
        XCTAssertEqual(try names("status:won,lost"), ["Delta", "Echo"])
        XCTAssertEqual(try names("-tag:lost"), ["Alpha", "Bravo", "Charlie", "Delta"])
        XCTAssertEqual(try names("status:negotiation"), ["Charlie"])
    }

    func testAmountsCompareInTheBaseCurrency() throws {
        XCTAssertEqual(try names("amount>=1000"), ["Charlie", "Delta"])
        XCTAssertEqual(try names("amount<1000"), ["Bravo", "Echo"])
        XCTAssertEqual(try names("amount:none"), ["Alpha"])
        XCTAssertEqual(try names("amount>=20000CZK"), ["Bravo", "Charlie", "Delta", "Echo"])
    }

    func testOwnerMeDatesAndOr() throws {
        XCTAssertEqual(try names("owner:me"), ["Alpha", "Bravo", "Echo"])
        XCTAssertEqual(try names("owner:me", as: fixture.bob), ["Charlie", "Delta"])
        XCTAssertEqual(try names("close<+30d"), ["Bravo", "Delta", "Echo"])
        XCTAssertEqual(try names("close<+13d"), ["Delta", "Echo"])
        XCTAssertEqual(try names("close:this-quarter"), ["Bravo", "Delta", "Echo"])
        XCTAssertEqual(try names("close:next-quarter"), ["Charlie"])
        XCTAssertEqual(try names("status:won OR owner:bob amount>1000"), ["Charlie", "Delta"])
        XCTAssertEqual(try names("acme -bravo status:open"), ["Alpha", "Charlie"])
    }

    func testCountsAndTotalsFollowTheFilter() throws {
        let repository = fixture.db.opportunities(actingAs: fixture.alice)
        XCTAssertEqual(try repository.count(OpportunityQuery(filter: "status:open")).value, 3)
        let totals = try repository.totalsByStatus(OpportunityQuery(filter: "amount>=1000"))
        XCTAssertEqual(totals.values.map(\.count).reduce(0, +), 2)
    }

    func testAnInvalidFilterNamesTheToken() throws {
        XCTAssertThrowsError(try names("status:open amount>=lots")) { error in
            let invalid = error as? FilterError
            XCTAssertEqual(invalid?.range.start, 20)
            XCTAssertEqual(invalid?.range.end, 24)
        }
        XCTAssertThrowsError(try names("status:pending")) { error in
            XCTAssertTrue("\(error)".contains("pending"), "\(error)")
        }
    }
}
