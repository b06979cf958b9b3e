import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Routing leads by the stored rules (LP-3, LP-4): outcomes, priority and the explanation.
final class LeadRouterTests: XCTestCase {
    private func lead(country: String = "DE", source: String = "Web form") -> LeadDraft {
        var draft = LeadDraft()
        draft.company = "Acme"
        draft.country = country
        draft.source = source
        return draft
    }

    func testTheFirstActiveMatchRoutesAndExplainsWithItsStoredNumber() throws {
        let fixture = try Fixture()
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        let off = try rules.create(LeadRule(name: "Switched off", matchesEveryLead: true, outcome: .assignee(fixture.bob.id)))
        _ = try rules.setActive(false, id: off.id, expectedVersion: off.version)
        let dach = try rules.create(LeadRule(name: "DACH web leads",
                                             conditions: [.oneOf(.country, ["DE", "AT", "CH"]), .contains(.source, "web")],
                                             outcome: .assignee(fixture.alice.id), priority: .high))
        let saved = try fixture.db.leads(actingAs: fixture.admin).create(lead(), routed: true)
        XCTAssertEqual(saved.assigneeID, fixture.alice.id)
        XCTAssertEqual(saved.priority, .high)
        XCTAssertEqual(saved.history.routingRuleID, dach.id)
        XCTAssertEqual(saved.history.routingExplanation,
                       "Rule 2 ‘DACH web leads’: country is DE (one of DE, AT, CH) and source contains ‘web’ → Alice, priority high")
    }

    func testPartnerAndFreePoolOutcomes() throws {
        let fixture = try Fixture()
        let partner = try fixture.db.partners(actingAs: fixture.admin).create(PartnerDraft(name: "Nordlicht GmbH"))
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        _ = try rules.create(LeadRule(name: "Fairs", conditions: [.equals(.source, "fair")], outcome: .partner(partner.id)))
        _ = try rules.create(LeadRule(name: "France", conditions: [.equals(.country, "FR")], outcome: .freePool, priority: .low))
        let leads = fixture.db.leads(actingAs: fixture.admin)
        var assigned = lead(source: "Fair")
        assigned.assigneeID = fixture.bob.id
        let toPartner = try leads.create(assigned, routed: true)
        XCTAssertEqual(toPartner.partnerID, partner.id)
        XCTAssertNil(toPartner.assigneeID, "a rule replaces the assignment it was sent with")
        XCTAssertEqual(toPartner.history.routingExplanation, "Rule 1 ‘Fairs’: source is ‘Fair’ → partner Nordlicht GmbH")
        var french = lead(country: "FR")
        french.assigneeID = fixture.bob.id
        let pooled = try leads.create(french, routed: true)
        XCTAssertNil(pooled.assigneeID)
        XCTAssertEqual(pooled.priority, .low)
        XCTAssertEqual(pooled.history.routingExplanation, "Rule 2 ‘France’: country is ‘FR’ → free pool, priority low")
        let unmatched = try leads.create(lead(country: "IT"), routed: true)
        XCTAssertNil(unmatched.history.routingRuleID)
        XCTAssertEqual(unmatched.history.routingExplanation, "no rule matched → free pool")
        var kept = lead(country: "IT")
        kept.assigneeID = fixture.bob.id
        XCTAssertEqual(try leads.create(kept, routed: true).history.routingExplanation, "no rule matched → stays with Bob")
        XCTAssertEqual(try leads.create(lead(country: "FR"), routed: false).history.routingExplanation, "")
    }

    func testValueConditionsUseTodaysRatesAndInactiveUsersFallBackToTheFreePool() throws {
        let fixture = try Fixture()
        _ = try fixture.db.moneySettings(actingAs: fixture.admin)
            .setRate(Decimal(string: "0.04")!, for: try Currency(code: "CZK"), from: CalendarDate(year: 2020, month: 1, day: 1)!)
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        _ = try rules.create(LeadRule(name: "Big", conditions: [.value(.atLeast, Money(10_000, try Currency(code: "EUR")))],
                                      outcome: .assignee(fixture.bob.id)))
        var big = lead()
        big.value = Money(300_000, try Currency(code: "CZK"))
        let leads = fixture.db.leads(actingAs: fixture.admin)
        let routed = try leads.create(big, routed: true)
        XCTAssertEqual(routed.assigneeID, fixture.bob.id)
        XCTAssertEqual(routed.history.routingExplanation,
                       "Rule 1 ‘Big’: value 300000.00 CZK ≥ 10000.00 EUR (12000.00 EUR ≥ 10000.00 EUR) → Bob")
        try fixture.db.write { db in try db.execute(sql: "UPDATE users SET active = 0 WHERE id = ?", arguments: [fixture.bob.id]) }
        let pooled = try leads.create(big, routed: true)
        XCTAssertNil(pooled.assigneeID)
        XCTAssertTrue(pooled.history.routingExplanation.hasSuffix("→ free pool (Bob is inactive)"))
    }

    func testRoutingAnExistingLeadIsVersionCheckedAndJournaled() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.admin)
        let typed = try leads.create(lead())
        _ = try fixture.db.leadRules(actingAs: fixture.admin)
            .create(LeadRule(name: "Germany", conditions: [.equals(.country, "de")], outcome: .assignee(fixture.bob.id)))
        let routed = try leads.route(id: typed.id, expectedVersion: typed.version)
        XCTAssertEqual(routed.assigneeID, fixture.bob.id)
        XCTAssertEqual(routed.version, typed.version + 1)
        XCTAssertThrowsError(try leads.route(id: typed.id, expectedVersion: typed.version)) { error in
            XCTAssertNotNil(error as? StaleRecordError<Lead>)
        }
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .lead, id: typed.id)
        XCTAssertTrue(history.contains { $0.field == "assigneeID" && $0.newValue == String(fixture.bob.id) })
        XCTAssertTrue(history.contains { $0.field == "routing" && $0.newValue?.hasPrefix("Rule 1 ‘Germany’") == true })
    }

    func testPreviewSaysWhereALeadWouldGoWithoutDealingIt() throws {
        let fixture = try Fixture()
        let shares = [SellerShare(sellerID: fixture.alice.id, weight: 1), SellerShare(sellerID: fixture.bob.id, weight: 1)]
        _ = try fixture.db.leadRules(actingAs: fixture.admin)
            .create(LeadRule(name: "Everyone", matchesEveryLead: true, outcome: .distribution(shares)))
        for _ in 0..<3 {
            let preview = try fixture.db.previewRouting(lead())
            XCTAssertEqual(preview.draft.assigneeID, fixture.alice.id)
            XCTAssertEqual(preview.history.routingExplanation, "Rule 1 ‘Everyone’: it matches every lead → Alice (distribution 1/1)")
        }
        XCTAssertEqual(try fixture.db.leads(actingAs: fixture.admin).count(LeadQuery(view: .open)).value, 0)
    }
}
