import CRMCore
import CRMStore
import XCTest

final class DemoDataTests: XCTestCase {
    func testSmallDemoIsDeterministicAndRealistic() throws {
        let first = try AppDatabase.inMemory()
        let second = try AppDatabase.inMemory()
        var phases: [String] = []
        let summary = try DemoDataGenerator(scale: .small).generate(into: first) { phase, _ in phases.append(phase) }
        XCTAssertEqual(try DemoDataGenerator(scale: .small).generate(into: second), summary)
        XCTAssertEqual(summary.accounts, 300)
        XCTAssertEqual(summary.contacts, 1_500)
        XCTAssertGreaterThan(summary.privateAccounts, 0)
        XCTAssertTrue(phases.contains("Contacts") && phases.contains("Opportunities") && phases.last == "Done")

        let admin = try XCTUnwrap(first.users.find(login: "admin"))
        XCTAssertEqual(Set(try first.users.list().map(\.role)), Set(Role.allCases))
        let page = { (db: AppDatabase) in
            try db.contacts(actingAs: admin).page(ContactQuery(), .first, limit: 40).map(\.displayName)
        }
        XCTAssertEqual(try page(first), try page(second))
        let deals = { (db: AppDatabase) in
            try db.opportunities(actingAs: admin).page(OpportunityQuery(sort: .updated), .first, limit: 40).map(\.fields)
        }
        XCTAssertEqual(try deals(first), try deals(second))
        let accounts = first.accounts(actingAs: admin)
        XCTAssertEqual(try accounts.count(AccountQuery()).value, 300 - summary.privateAccounts)
        XCTAssertGreaterThan(try accounts.count(AccountQuery(view: .favourites)).value, 0)
        XCTAssertGreaterThan(try accounts.count(AccountQuery(filter: "gmbh")).value, 0)
        XCTAssertGreaterThan(try first.contacts(actingAs: admin).count(ContactQuery(filter: "dvorak")).value, 0)
    }

    func testDemoRowsBehaveLikeSavedRows() throws {
        let db = try AppDatabase.inMemory()
        try DemoDataGenerator(scale: .small).generate(into: db)
        let rep = try XCTUnwrap(db.users.find(login: "jan.novak"))
        let contacts = db.contacts(actingAs: rep)
        let contact = try XCTUnwrap(contacts.page(ContactQuery(sort: .account), .first, limit: 1).first)
        var edit = contact.fields
        edit.jobTitle = "Chief Tester"
        let updated = try contacts.update(id: contact.id, with: edit, expectedVersion: contact.version)
        XCTAssertEqual(try contacts.page(ContactQuery(filter: "chief tester"), .first, limit: 5).map(\.id), [updated.id])
        XCTAssertEqual(ContactQuery(sort: .account).cursor(for: updated), ContactQuery(sort: .account).cursor(for: contact))

        let deals = db.opportunities(actingAs: rep)
        let deal = try XCTUnwrap(deals.page(OpportunityQuery(view: .mine, sort: .amount, ascending: false), .first, limit: 1).first)
        var renamed = deal.fields
        renamed.name = "Zeppelin hangar for \(deal.accountName ?? "nobody")"
        let saved = try deals.update(id: deal.id, with: renamed, expectedVersion: deal.version)
        XCTAssertEqual(saved.sortAmount, deal.sortAmount, "the demo's amount sort key is the one a save computes")
        XCTAssertEqual(try deals.page(OpportunityQuery(filter: "zeppelin"), .first, limit: 5).map(\.id), [deal.id])
        let before = try XCTUnwrap(deals.page(OpportunityQuery(), .before(OpportunityQuery().cursor(for: saved)), limit: 1).first)
        XCTAssertEqual(try deals.page(OpportunityQuery(filter: "zeppelin"), .after(OpportunityQuery().cursor(for: before)), limit: 1)
            .map(\.id), [deal.id], "the renamed row keeps its place in name order among demo rows")
    }

    /// Every opportunity the user can see, page by page.
    private func allOpportunities(_ db: AppDatabase, as user: User) throws -> [Opportunity] {
        let repository = db.opportunities(actingAs: user)
        var rows: [Opportunity] = []
        var position = PagePosition.first
        while true {
            let page = try repository.page(OpportunityQuery(), position, limit: 500)
            rows += page
            guard page.count == 500, let last = page.last else { return rows }
            position = .after(OpportunityQuery().cursor(for: last))
        }
    }

    func testSmallDemoPipelineSpreadsOverStatusesAndCurrenciesAndFillsRequiredFields() throws {
        let db = try AppDatabase.inMemory()
        let summary = try DemoDataGenerator(scale: .small).generate(into: db)
        XCTAssertEqual(summary.opportunities, 2_000)
        let rep = try XCTUnwrap(db.users.find(login: "jan.novak"))
        let statuses = try db.opportunityStatuses(actingAs: rep).list()
        let byID = Dictionary(uniqueKeysWithValues: statuses.map { ($0.id, $0) })
        let opportunities = try allOpportunities(db, as: rep)
        XCTAssertGreaterThan(opportunities.count, 1_900, "only private accounts' deals of other reps are hidden")

        var perStatus: [String: Int] = [:]
        for opportunity in opportunities {
            let status = try XCTUnwrap(byID[opportunity.statusID])
            perStatus[status.name, default: 0] += 1
            XCTAssertEqual(opportunity.fields.missingFields(for: status), [], "\(opportunity.name) in \(status.name)")
            XCTAssertEqual(opportunity.fields.validate(), [])
            XCTAssertNotNil(opportunity.projectID)
            if status.kind != .open {
                XCTAssertLessThan(try XCTUnwrap(opportunity.expectedClose), CalendarDate(year: 2026, month: 11, day: 1)!)
            }
        }
        XCTAssertEqual(Set(perStatus.keys), Set(statuses.map(\.name)), "every status has opportunities")
        XCTAssertGreaterThan(perStatus["Prospecting"] ?? 0, perStatus["Negotiation"] ?? 0, "a funnel narrows")
        XCTAssertGreaterThan(perStatus["Lost"] ?? 0, perStatus["Won"] ?? 0)

        let amounts = opportunities.compactMap(\.amount)
        let currencies = Set(amounts.map(\.currency.code))
        XCTAssertTrue(currencies.isSuperset(of: ["EUR", "USD", "CZK"]), "\(currencies)")
        XCTAssertGreaterThan(amounts.filter { $0.currency.code == "EUR" }.count, amounts.filter { $0.currency.code == "CZK" }.count)
        XCTAssertGreaterThan(Double(opportunities.filter { $0.partnerID != nil }.count) / Double(opportunities.count), 0.05)
        XCTAssertGreaterThan(Double(opportunities.filter { $0.contactID != nil }.count) / Double(opportunities.count), 0.4)
    }

    func testDemoAmountsAndRatesAreExactAndSortLikeSavedOnes() throws {
        let db = try AppDatabase.inMemory()
        try DemoDataGenerator(scale: .small).generate(into: db)
        let admin = try XCTUnwrap(db.users.find(login: "admin"))
        let money = db.moneySettings(actingAs: admin)
        let rates = try money.rates()
        XCTAssertEqual(rates.count, 8)
        let usd = try XCTUnwrap(rates.first { $0.currency.code == "USD" && $0.validFrom.description == "2026-10-01" })
        XCTAssertEqual(usd.rate, Decimal(string: "0.8621"))
        let table = try money.table(on: CalendarDate(year: 2026, month: 11, day: 1)!)
        XCTAssertEqual(table.rate(of: try Currency(code: "CZK")), Decimal(string: "0.04112"))

        for opportunity in try allOpportunities(db, as: admin) {
            guard let amount = opportunity.amount else {
                XCTAssertEqual(opportunity.sortAmount, -1)
                continue
            }
            let minor = try XCTUnwrap(amount.minorUnits, "\(amount) fits its currency's minor units")
            XCTAssertEqual(Money(minorUnits: minor, amount.currency), amount)
            XCTAssertGreaterThan(amount.amount, 0)
            XCTAssertEqual(opportunity.sortAmount, table.convert(amount)?.rounded().minorUnits, "\(amount)")
        }
    }

    func testDemoPartnersHaveConsultants() throws {
        let db = try AppDatabase.inMemory()
        let summary = try DemoDataGenerator(scale: .small).generate(into: db)
        let admin = try XCTUnwrap(db.users.find(login: "admin"))
        let partners = db.partners(actingAs: admin)
        let all = try partners.page(PartnerQuery(), .first, limit: 100)
        XCTAssertEqual(all.count, summary.partners)
        XCTAssertEqual(summary.partners, 5)
        XCTAssertTrue(all.contains { $0.name == "Nordwind Partners" })
        let consultantType = try XCTUnwrap(db.contactTypes(actingAs: admin).list().first { $0.name == "Consultant" })
        var consultants = 0
        for partner in all {
            let people = try partners.consultants(of: partner.id)
            XCTAssertTrue((1...3).contains(people.count), "\(partner.name) has \(people.count) consultants")
            XCTAssertTrue(people.allSatisfy { $0.typeID == consultantType.id })
            consultants += people.count
        }
        XCTAssertEqual(consultants, summary.consultants)
        XCTAssertEqual(try partners.page(PartnerQuery(filter: "nordwind"), .first, limit: 5).map(\.name), ["Nordwind Partners"])
    }

    func testRefusesADatabaseThatHoldsData() throws {
        let fixture = try Fixture()
        XCTAssertThrowsError(try DemoDataGenerator(scale: .small).generate(into: fixture.db)) { error in
            XCTAssertEqual(error as? StoreError, .notEmpty("(in memory)"))
        }
        XCTAssertEqual(try fixture.db.users.list().count, 3, "nothing was written")
    }
}

final class DemoFollowUpTests: XCTestCase {
    /// Tasks and activities hang off the demo's projects, accounts and opportunities, and the
    /// project tree has the CRM project with its regions.
    func testSmallDemoHasProjectsTasksAndActivities() throws {
        let db = try AppDatabase.inMemory()
        let summary = try DemoDataGenerator(scale: .small).generate(into: db)
        XCTAssertEqual(summary.tasks, 300)
        XCTAssertEqual(summary.activities, 3_000)
        let admin = try XCTUnwrap(db.users.find(login: "admin"))
        let tree = try db.projects(actingAs: admin).tree()
        XCTAssertEqual(tree.first?.project.name, "CRM")
        XCTAssertGreaterThanOrEqual(tree.filter { $0.depth == 1 }.count, 5, "regions are subprojects of CRM")
        let visibleTasks = try db.tasks(actingAs: admin).count(TaskQuery(), cap: 10_000).value
        XCTAssertTrue((290..<300).contains(visibleTasks), "tasks of others' private accounts stay hidden: \(visibleTasks)")
        let accountID = try XCTUnwrap(db.opportunities(actingAs: admin).page(OpportunityQuery(), .first, limit: 50)
            .compactMap(\.accountID).first)
        let timeline = try db.salesActivities(actingAs: admin).timeline(of: .account(accountID), .first, limit: 500)
        XCTAssertTrue(timeline.allSatisfy { $0.at <= Date() }, "activities lie in the past")
        XCTAssertEqual(summary, try DemoDataGenerator(scale: .small).generate(into: AppDatabase.inMemory()),
                       "the same seed makes the same demo")
    }
}
