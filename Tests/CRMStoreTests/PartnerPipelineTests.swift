import CRMCore
import CRMStore
import XCTest

/// A partner's opportunities (`OpportunityQuery.View.ofPartner`), its results and forecast,
/// new consultants and its history (PA-1, PA-2).
final class PartnerPipelineTests: XCTestCase {
    private var fixture: Fixture!
    private var statuses: [String: OpportunityStatus] = [:]
    private var partner: Partner!

    override func setUpWithError() throws {
        fixture = try Fixture()
        statuses = Dictionary(uniqueKeysWithValues: try fixture.db.opportunityStatuses(actingAs: fixture.admin).list()
            .map { ($0.name, $0) })
        partner = try fixture.db.partners(actingAs: fixture.alice).create(PartnerDraft(name: "Nordwind Partners"))
    }

    @discardableResult
    private func opportunity(_ name: String, _ status: String, amount: String?, currency: String = "EUR",
                             probability: Int? = nil, partnerID: Int64?, as user: User? = nil,
                             privateAccount: Bool = false) throws -> Opportunity {
        let actor = user ?? fixture.alice
        var account = fixture.company("Account of \(name)")
        account.isPrivate = privateAccount
        var draft = OpportunityDraft(name: name, statusID: try XCTUnwrap(statuses[status]).id)
        draft.accountID = try fixture.db.accounts(actingAs: actor).create(account).id
        draft.expectedClose = CalendarDate(parsing: "2026-12-31")
        draft.amount = try amount.map { Money(Decimal(string: $0)!, try Currency(code: currency)) }
        draft.probability = probability
        draft.partnerID = partnerID
        draft.ownerID = actor.id
        if statuses[status]?.kind == .lost {  // a lost deal says why
            draft.lostReasonID = try fixture.db.lostReasons(actingAs: fixture.admin).list().first?.id
        }
        return try fixture.db.opportunities(actingAs: actor).create(draft)
    }

    func testOfPartnerListsOnlyItsVisibleOpportunities() throws {
        let other = try fixture.db.partners(actingAs: fixture.alice).create(PartnerDraft(name: "Alpine Advisory"))
        try opportunity("Fleet renewal", "Prospecting", amount: "100", partnerID: partner.id)
        try opportunity("Archive", "Prospecting", amount: "5", partnerID: partner.id)
        try opportunity("Elsewhere", "Prospecting", amount: "7", partnerID: other.id)
        try opportunity("Direct", "Prospecting", amount: "9", partnerID: nil)
        try opportunity("Bob's secret", "Prospecting", amount: "1", partnerID: partner.id, as: fixture.bob, privateAccount: true)

        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let query = OpportunityQuery(view: .ofPartner(partner.id))
        XCTAssertEqual(try repo.page(query, .first, limit: 10).map(\.name), ["Archive", "Fleet renewal"])
        XCTAssertEqual(try repo.count(query).value, 2, "bob's private one stays hidden from alice")
        XCTAssertEqual(try repo.page(OpportunityQuery(view: .ofPartner(partner.id), filter: "fleet"), .first, limit: 10)
            .map(\.name), ["Fleet renewal"])
        XCTAssertEqual(try fixture.db.opportunities(actingAs: fixture.bob).count(query).value, 3)
    }

    func testSummaryHasOpenWonLostAndAnExactWeightedForecast() throws {
        // Prospecting defaults to 10 %; the own probability wins when given.
        try opportunity("A", "Prospecting", amount: "100.01", partnerID: partner.id)
        try opportunity("B", "Prospecting", amount: "200", probability: 35, partnerID: partner.id)
        try opportunity("C", "Prospecting", amount: "5000", currency: "CZK", probability: 50, partnerID: partner.id)
        try opportunity("D", "Prospecting", amount: nil, partnerID: partner.id)
        let won = try XCTUnwrap(statuses.values.first { $0.kind == .won }).name
        let lost = try XCTUnwrap(statuses.values.first { $0.kind == .lost }).name
        try opportunity("E", won, amount: "300", partnerID: partner.id)
        try opportunity("F", lost, amount: "40", partnerID: partner.id)
        try opportunity("Not ours", "Prospecting", amount: "999", partnerID: nil)

        let summary = try fixture.db.opportunities(actingAs: fixture.alice)
            .pipelineSummary(OpportunityQuery(view: .ofPartner(partner.id)))
        let eur = try Currency(code: "EUR"), czk = try Currency(code: "CZK")
        XCTAssertEqual(summary.open.count, 4)
        XCTAssertEqual(summary.open.sums, [eur: Decimal(string: "300.01")!, czk: 5000])
        XCTAssertEqual(summary.won.sums, [eur: 300])
        XCTAssertEqual(summary.won.count, 1)
        XCTAssertEqual(summary.lost.sums, [eur: 40])
        // 100.01 × 10 % + 200 × 35 % = 10.001 + 70 = 80.001, kept exact before any rounding.
        XCTAssertEqual(summary.weightedOpen.sums, [eur: Decimal(string: "80.001")!, czk: 2500])
        let rates = ExchangeRateTable(base: eur, rates: ["CZK": Decimal(string: "0.04")!])
        XCTAssertEqual(summary.weightedOpen.total(in: rates).description, "180.00 EUR")
    }

    func testNewConsultantIsCreatedAndLinkedAtOnce() throws {
        let repo = fixture.db.partners(actingAs: fixture.alice)
        let consultantType = try XCTUnwrap(fixture.db.contactTypes(actingAs: fixture.admin).list().first { $0.name == "Consultant" })
        var draft = fixture.person("Karel", "Nový")
        draft.typeID = consultantType.id
        let created = try repo.createConsultant(draft, partnerID: partner.id)
        XCTAssertEqual(try repo.consultants(of: partner.id).map(\.id), [created.id])
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .contact, id: created.id)
        XCTAssertTrue(history.contains { $0.field == "partnerID" && $0.newValue == String(partner.id) })

        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let before = try contacts.count(ContactQuery()).value
        XCTAssertThrowsError(try repo.createConsultant(fixture.person("", ""), partnerID: partner.id)) { error in
            XCTAssertTrue(error is ValidationError, "\(error)")
        }
        XCTAssertThrowsError(try repo.createConsultant(draft, partnerID: 9_999)) { error in
            XCTAssertTrue(error is RecordNotFoundError, "\(error)")
        }
        XCTAssertEqual(try contacts.count(ContactQuery()).value, before, "refused consultants leave no contact behind")
    }

    func testPartnerHistoryIsReadable() throws {
        var renamed = partner.fields
        renamed.city = "Hamburg"
        _ = try fixture.db.partners(actingAs: fixture.bob).update(id: partner.id, with: renamed, expectedVersion: partner.version)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .partner, id: partner.id)
        XCTAssertEqual(history.first?.field, "city")
        XCTAssertEqual(history.first?.newValue, "Hamburg")
        XCTAssertEqual(history.first?.userLogin, "bob")
    }
}
