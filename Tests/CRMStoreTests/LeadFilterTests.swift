import CRMCore
@testable import CRMStore
import GRDB
import TestFixtures
import XCTest

/// The filter language on leads, evaluated by the store against real rows (LD-4, FI-2).
final class LeadFilterTests: XCTestCase {
    private var fixture: Fixture!

    override func setUpWithError() throws {
        // 2026-11-18 11:06 UTC
        fixture = try Fixture(clock: { Date(timeIntervalSince1970: 1_795_000_000) })
        let money = fixture.db.moneySettings(actingAs: fixture.admin)
        _ = try money.setRate(Decimal(string: "0.04")!, for: Currency(code: "CZK"), from: CalendarDate(year: 2026, month: 1, day: 1)!)
        try fixture.db.write { db in
            try db.execute(sql: """
                INSERT INTO campaigns (name, status_id, created_at, updated_at, sort_name)
                VALUES ('Spring Fair', 1, 0, 0, 'spring fair'), ('Webinar', 1, 0, 0, 'webinar')
                """)
        }
        let statuses = try fixture.db.leadStatuses.list()
        let working = statuses.first { $0.kind == .working }!.id
        let leads = fixture.db.leads(actingAs: fixture.alice)
        func add(_ company: String, _ change: (inout LeadDraft) throws -> Void) throws {
            var draft = LeadDraft()
            draft.company = company
            try change(&draft)
            _ = try leads.create(draft)
        }
        try add("Alpha GmbH") {
            $0.firstName = "Anna"; $0.lastName = "Berg"; $0.country = "DE"; $0.source = "Web form"
            $0.value = Money(minorUnits: 2_000_000, try Currency(code: "CZK"))  // 800 EUR
            $0.score = 80; $0.tags = ["Hot", "fair"]; $0.assigneeID = fixture.alice.id; $0.campaignID = 1
            $0.priority = .high; $0.utmSource = "google"; $0.email = "anna@alpha.example"
        }
        try add("Bravo AG") {
            $0.country = "AT"; $0.source = "Trade fair"; $0.value = Money(minorUnits: 150_000, try Currency(code: "EUR"))
            $0.score = 20; $0.tags = ["cold"]; $0.assigneeID = fixture.bob.id; $0.campaignID = 2; $0.statusID = working
            $0.jobTitle = "Head of Sales"
        }
        try add("Charlie Ltd") {
            $0.country = "GB"; $0.source = "Web form"; $0.priority = .urgent; $0.email = "info@charlie.example"
        }
        try add("Alpha GmbH") { $0.email = "anna@alpha.example"; $0.country = "DE" }  // a duplicate of the first
    }

    private func companies(_ filter: String, as user: User? = nil, view: LeadQuery.View = .open) throws -> [String] {
        try fixture.db.leads(actingAs: user ?? fixture.alice)
            .page(LeadQuery(view: view, filter: filter, sort: .created, ascending: true), .first, limit: 50).map(\.company)
    }

    func testTextFieldsAndWords() throws {
        XCTAssertEqual(try companies("country:de"), ["Alpha GmbH", "Alpha GmbH"])
        XCTAssertEqual(try companies("source:web"), ["Alpha GmbH", "Charlie Ltd"])
        XCTAssertEqual(try companies("source=\"trade fair\""), ["Bravo AG"])
        XCTAssertEqual(try companies("job:head"), ["Bravo AG"])
        XCTAssertEqual(try companies("first:anna last:berg"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("utm-source:google"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("email:none"), ["Bravo AG"])
        XCTAssertEqual(try companies("alpha -duplicate:yes"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("(bravo OR charlie) country!=gb"), ["Bravo AG"])
    }

    /// Web forms send a country as a code or a name in any language the table knows; `country:`
    /// with a recognised country matches every spelling, anything else is looked for as words.
    func testCountriesMatchWhateverSpellingTheLeadWasSentWith() throws {
        let leads = fixture.db.leads(actingAs: fixture.alice)
        for (company, country) in [("Delta GmbH", "Deutschland"), ("Echo GmbH", "germany"), ("Foxtrot ApS", "Denmark")] {
            var draft = LeadDraft()
            (draft.company, draft.country) = (company, country)
            _ = try leads.create(draft)
        }
        let germans = ["Alpha GmbH", "Alpha GmbH", "Delta GmbH", "Echo GmbH"]
        XCTAssertEqual(try companies("country:de"), germans)
        XCTAssertEqual(try companies("country:Germany"), germans)
        XCTAssertEqual(try companies("country:de,at"), ["Alpha GmbH", "Bravo AG", "Alpha GmbH", "Delta GmbH", "Echo GmbH"])
        XCTAssertEqual(try companies("country:den"), ["Foxtrot ApS"], "not a country: its words")
        XCTAssertEqual(try companies("country!=de"), ["Bravo AG", "Charlie Ltd", "Foxtrot ApS"])
    }

    func testChoicesUsersAndTags() throws {
        XCTAssertEqual(try companies("status:working"), ["Bravo AG"])
        XCTAssertEqual(try companies("status:new"), ["Alpha GmbH", "Charlie Ltd", "Alpha GmbH"])
        XCTAssertEqual(try companies("status:contacted"), ["Bravo AG"])
        XCTAssertEqual(try companies("campaign:spring"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("campaign:none"), ["Charlie Ltd", "Alpha GmbH"])
        XCTAssertEqual(try companies("priority:high,urgent"), ["Alpha GmbH", "Charlie Ltd"])
        XCTAssertEqual(try companies("assignee:me"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("assignee:me", as: fixture.bob), ["Bravo AG"])
        XCTAssertEqual(try companies("assignee:none"), ["Charlie Ltd", "Alpha GmbH"])
        XCTAssertEqual(try companies("tag:hot"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("tag:ho"), [], "a tag matches whole, not by its beginning")
        XCTAssertEqual(try companies("-tag:cold tag!=none"), ["Alpha GmbH"])
    }

    func testNumbersAmountsDatesAndFlags() throws {
        XCTAssertEqual(try companies("score>=50"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("value>=1000"), ["Bravo AG"])
        XCTAssertEqual(try companies("value<1000"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("value>=20000CZK"), ["Alpha GmbH", "Bravo AG"])
        XCTAssertEqual(try companies("received:today").count, 4)
        XCTAssertEqual(try companies("created<2026-01-01"), [])
        XCTAssertEqual(try companies("touched:none").count, 4)
        XCTAssertEqual(try companies("duplicate:yes"), ["Alpha GmbH"])
        XCTAssertEqual(try companies("archived:no qualified:no").count, 4)
        XCTAssertEqual(try companies("unprocessed:yes split:none").count, 4)
        XCTAssertEqual(try companies("shares:me"), [])
    }

    func testSharesAndSplitFollowASplitterRun() throws {
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        let filter = try splitter.create(LeadSplitFilterDraft(
            name: "DACH", filter: "country:de,at",
            shares: [LeadShare(userID: fixture.alice.id, percent: 60), LeadShare(userID: fixture.bob.id, percent: 40)]))
        XCTAssertEqual(try splitter.run(filterID: filter.id).processed, 3)
        XCTAssertEqual(try companies("shares:me"), ["Alpha GmbH", "Bravo AG", "Alpha GmbH"])
        XCTAssertEqual(try companies("shares:admin"), [])
        XCTAssertEqual(try companies("split:dach"), ["Alpha GmbH", "Bravo AG", "Alpha GmbH"])
        XCTAssertEqual(try companies("unprocessed:yes"), ["Charlie Ltd"])
        XCTAssertEqual(try companies("shares:none"), ["Charlie Ltd"])
    }

    func testCountsFollowTheFilterAndPlainWordsKeepTheQuickFilter() throws {
        let leads = fixture.db.leads(actingAs: fixture.alice)
        XCTAssertEqual(try leads.count(LeadQuery(filter: "country:de")).value, 2)
        XCTAssertEqual(try leads.count(LeadQuery(filter: "alpha")).value, 2)
        XCTAssertEqual(try leads.count(LeadQuery(filter: "alpha country:de")).value, 2)
    }

    func testAnInvalidFilterNamesTheToken() throws {
        XCTAssertThrowsError(try companies("country:de score>=lots")) { error in
            let invalid = error as? FilterError
            XCTAssertEqual(invalid?.range.start, 18)
            XCTAssertEqual(invalid?.range.end, 22)
        }
        XCTAssertThrowsError(try companies("stauts:new")) { error in
            XCTAssertTrue("\(error)".contains("did you mean status?"), "\(error)")
        }
        XCTAssertThrowsError(try companies("campaign:autumn")) { error in
            XCTAssertTrue("\(error)".contains("Spring Fair"), "\(error)")
        }
        XCTAssertThrowsError(try companies("priority>high")) { error in
            XCTAssertEqual((error as? FilterError)?.range.start, 8)
        }
        XCTAssertThrowsError(try companies("duplicate:maybe"))
    }

    func testASavedLeadFilterIsCheckedAgainstTheLeadFields() throws {
        let saved = fixture.db.savedFilters(actingAs: fixture.alice)
        XCTAssertNoThrow(try saved.create(SavedFilterDraft(name: "Hot DE", list: .leads, query: "country:de tag:hot")))
        XCTAssertThrowsError(try saved.create(SavedFilterDraft(name: "Broken", list: .leads, query: "colour:red"))) { error in
            XCTAssertTrue("\(error)".contains("colour"), "\(error)")
        }
    }

    /// The shared hostile strings, typed as a filter and as values of each kind of lead field, run
    /// or fail with a positioned error; nothing reaches SQL as text.
    func testHostileValuesNeverBreakTheQuery() throws {
        let catalog = try fixture.db.leadFilterCatalog()
        let context = FilterContext(today: CalendarDate(year: 2026, month: 11, day: 18)!, timeZone: TimeZone(identifier: "UTC")!,
                                    me: fixture.alice.id, rates: ExchangeRateTable(base: try Currency(code: "EUR")))
        let hostile = try HostileStrings.all().map(\.text) + ["'; DROP TABLE leads; --", "((((", "%_", ","]
        XCTAssertGreaterThan(hostile.count, 20)
        for text in hostile {
            let quoted = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            for filter in [text, "company:\(quoted)", "tag:\(quoted)", "status:\(quoted)", "shares:\(quoted)",
                           "priority:\(quoted)", "score>\(text)", "received:\(text)", "duplicate:\(quoted)"] {
                do {
                    let compiled = try catalog.compile(filter, context: context)
                    let condition: SQL = compiled.condition.map { "WHERE " + $0 } ?? ""
                    XCTAssertNoThrow(try fixture.db.read { db in
                        try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM leads l \(condition)"))
                    }, filter)
                } catch {
                    XCTAssertFalse(error.message.isEmpty, filter)
                    XCTAssertLessThanOrEqual(error.range.end, filter.count, filter)
                }
            }
        }
        XCTAssertEqual(try fixture.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM leads") }, 4)
    }
}
