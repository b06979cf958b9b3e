import CRMCore
import XCTest

final class LeadRuleSetTests: XCTestCase {
    private let dach = LeadTerritory(name: "DACH", countries: ["DE", "AT", "CH"])

    private func lead(country: String = "", source: String = "", value: String? = nil, currency: String = "EUR",
                      score: Int? = nil) throws -> LeadDraft {
        var draft = LeadDraft()
        draft.company = "Acme"
        draft.country = country
        draft.source = source
        draft.score = score
        if let value { draft.value = Money(Decimal(string: value)!, try Currency(code: currency)) }
        return draft
    }

    private func eur(_ text: String) throws -> Money { Money(Decimal(string: text)!, try Currency(code: "EUR")) }

    func testTheFirstMatchingRuleWinsAndExplainsItself() throws {
        let rules = LeadRuleSet([
            LeadRule(name: "Fairs", conditions: [.equals(.source, "trade fair")], outcome: .assignee(1)),
            LeadRule(name: "DACH web leads", conditions: [.oneOf(.country, ["DE", "AT", "CH"]), .contains(.source, "web")],
                     outcome: .assignee(2)),
            LeadRule(name: "All web", conditions: [.contains(.source, "web")], outcome: .assignee(3)),
        ])
        let routing = rules.evaluate(try lead(country: "DE", source: "Web form"))
        XCTAssertEqual(routing.outcome, .assignee(2))
        XCTAssertEqual(routing.rulePosition, 2)
        XCTAssertEqual(routing.explanation,
                       "Rule 2 ‘DACH web leads’: country is DE (one of DE, AT, CH) and source contains ‘web’")
        XCTAssertEqual(rules.evaluate(try lead(country: "FR", source: "Web form")).outcome, .assignee(3))
        XCTAssertEqual(rules.evaluate(try lead(country: "DE", source: "Trade Fair")).outcome, .assignee(1))
    }

    func testNoMatchGoesToTheFreePool() throws {
        let rules = LeadRuleSet([LeadRule(name: "Fairs", conditions: [.equals(.source, "fair")], outcome: .partner(7))])
        let routing = rules.evaluate(try lead(source: "web"))
        XCTAssertEqual(routing, LeadRouting(outcome: .freePool, priority: nil, rulePosition: nil, explanation: "no rule matched"))
        XCTAssertEqual(LeadRuleSet([]).evaluate(try lead()).explanation, "no rule matched")
    }

    func testTextConditionsIgnoreCaseAndAccents() throws {
        let draft = try lead(country: "Österreich", source: "Messe Brno – Veletrh")
        XCTAssertNotNil(LeadCondition.equals(.country, "OSTERREICH").reason(for: draft, rates: nil))
        XCTAssertNotNil(LeadCondition.contains(.source, "veletrh").reason(for: draft, rates: nil))
        XCTAssertNotNil(LeadCondition.oneOf(.country, ["Schweiz", "österreich"]).reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.equals(.country, "Oster").reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.contains(.source, "fair").reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.oneOf(.country, ["DE"]).reason(for: draft, rates: nil))
    }

    func testCampaignAndUTMFieldsAreConditions() throws {
        var draft = try lead()
        draft.campaignID = 42
        draft.utmMedium = "CPC"
        draft.utmCampaign = "Spring-Sale"
        XCTAssertEqual(LeadCondition.equals(.campaignID, "42").reason(for: draft, rates: nil), "campaign is ‘42’")
        XCTAssertNil(LeadCondition.equals(.campaignID, "4").reason(for: draft, rates: nil))
        XCTAssertEqual(LeadCondition.equals(.utmMedium, "cpc").reason(for: draft, rates: nil), "UTM medium is ‘CPC’")
        XCTAssertEqual(LeadCondition.contains(.utmCampaign, "sale").reason(for: draft, rates: nil), "UTM campaign contains ‘sale’")
    }

    func testValueComparesExactlyInTheLeadsCurrency() throws {
        let draft = try lead(value: "1000.00")
        XCTAssertEqual(LeadCondition.value(.atLeast, try eur("1000")).reason(for: draft, rates: nil),
                       "value 1000.00 EUR ≥ 1000.00 EUR")
        XCTAssertNil(LeadCondition.value(.greaterThan, try eur("1000")).reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.value(.atLeast, try eur("1000.01")).reason(for: draft, rates: nil))
        XCTAssertNotNil(LeadCondition.value(.lessThan, try eur("1000.01")).reason(for: draft, rates: nil))
        XCTAssertNotNil(LeadCondition.value(.equal, try eur("1000")).reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.value(.atLeast, try eur("0")).reason(for: try lead(), rates: nil),
                     "a lead without a value never matches a value condition")
    }

    func testValueAcrossCurrenciesUsesTheRatesExactly() throws {
        // 25 000 CZK at 0.04 EUR is exactly 1000 EUR; at 0.0399 it is 997.50 EUR.
        let draft = try lead(value: "25000", currency: "CZK")
        let exact = ExchangeRateTable(base: try Currency(code: "EUR"), rates: ["CZK": Decimal(string: "0.04")!])
        let lower = ExchangeRateTable(base: try Currency(code: "EUR"), rates: ["CZK": Decimal(string: "0.0399")!])
        let condition = LeadCondition.value(.atLeast, try eur("1000"))
        XCTAssertEqual(condition.reason(for: draft, rates: exact),
                       "value 25000.00 CZK ≥ 1000.00 EUR (1000.00 EUR ≥ 1000.00 EUR)")
        XCTAssertNil(condition.reason(for: draft, rates: lower))
        XCTAssertNil(condition.reason(for: draft, rates: nil), "without rates other currencies never match")
        let noCZK = ExchangeRateTable(base: try Currency(code: "EUR"))
        XCTAssertNil(condition.reason(for: draft, rates: noCZK), "a currency without a rate is never guessed")
        // Both sides in other currencies: each converts into the base.
        let usd = Money(1_000, try Currency(code: "USD"))
        let both = ExchangeRateTable(base: try Currency(code: "EUR"),
                                     rates: ["CZK": Decimal(string: "0.04")!, "USD": Decimal(string: "0.95")!])
        XCTAssertNotNil(LeadCondition.value(.greaterThan, usd).reason(for: draft, rates: both))
        XCTAssertNil(LeadCondition.value(.lessThan, usd).reason(for: draft, rates: both))
    }

    func testScoreComparisons() throws {
        let draft = try lead(score: 80)
        XCTAssertEqual(LeadCondition.score(.atLeast, 80).reason(for: draft, rates: nil), "score 80 ≥ 80")
        XCTAssertNil(LeadCondition.score(.greaterThan, 80).reason(for: draft, rates: nil))
        XCTAssertNotNil(LeadCondition.score(.atMost, 80).reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.score(.lessThan, 80).reason(for: draft, rates: nil))
        XCTAssertNil(LeadCondition.score(.atMost, 1_000).reason(for: try lead(), rates: nil))
    }

    func testTerritoryMatchesItsCountriesFolded() throws {
        let condition = LeadCondition.territory(dach)
        XCTAssertEqual(condition.reason(for: try lead(country: "at"), rates: nil), "country at is in territory ‘DACH’")
        XCTAssertNil(condition.reason(for: try lead(country: "CZ"), rates: nil))
        XCTAssertNil(condition.reason(for: try lead(country: ""), rates: nil))
    }

    func testRulesSetPriorityAndCatchAllRulesMatchEveryLead() throws {
        let rules = LeadRuleSet([
            LeadRule(name: "Big DACH", conditions: [.territory(dach), .value(.atLeast, try eur("50000"))],
                     outcome: .distribution([SellerShare(sellerID: 1, weight: 1)]), priority: .urgent),
            LeadRule(name: "Everything else", matchesEveryLead: true, outcome: .freePool, priority: .low),
        ])
        let big = rules.evaluate(try lead(country: "CH", value: "60000"))
        XCTAssertEqual(big.priority, .urgent)
        XCTAssertEqual(big.outcome, .distribution([SellerShare(sellerID: 1, weight: 1)]))
        let small = rules.evaluate(try lead(country: "CH", value: "10"))
        XCTAssertEqual(small.priority, .low)
        XCTAssertEqual(small.rulePosition, 2)
        XCTAssertEqual(small.explanation, "Rule 2 ‘Everything else’: it matches every lead")
        XCTAssertNil(LeadRuleSet([LeadRule(name: "x", conditions: [.score(.atLeast, 1)], outcome: .assignee(1))])
            .evaluate(try lead(score: 5)).priority, "a rule without a priority keeps the lead's own")
    }

    func testValidationReportsEachProblemInPlace() {
        let rules = LeadRuleSet([
            LeadRule(name: " ", conditions: [.equals(.source, "web")], outcome: .assignee(1)),
            LeadRule(name: "No conditions", outcome: .assignee(1)),
            LeadRule(name: "Both", conditions: [.score(.atLeast, 5)], matchesEveryLead: true, outcome: .freePool),
            LeadRule(name: "Bad shares", conditions: [.contains(.source, "")],
                     outcome: .distribution([SellerShare(sellerID: 1, weight: 50), SellerShare(sellerID: 2, weight: 0)])),
            LeadRule(name: "Twins", conditions: [.oneOf(.country, [])], outcome: .freePool),
            LeadRule(name: "twíns", conditions: [.territory(LeadTerritory(name: "Empty", countries: []))], outcome: .freePool),
            LeadRule(name: "Repeated seller", matchesEveryLead: true,
                     outcome: .distribution([SellerShare(sellerID: 1, weight: 1), SellerShare(sellerID: 1, weight: 2)])),
            LeadRule(name: "Fine", conditions: [.score(.atLeast, 5)], outcome: .distribution([])),
        ])
        let errors = rules.validate()
        XCTAssertEqual(errors.map(\.field), [
            "rules.1.name", "rules.2.conditions", "rules.3.conditions", "rules.4.conditions", "rules.4.outcome",
            "rules.5.conditions", "rules.6.conditions", "rules.6.name", "rules.7.outcome", "rules.8.outcome",
        ])
        XCTAssertEqual(errors[1].message, "Rule 2: Add a condition, or let the rule match every lead.")
        XCTAssertEqual(errors[4].message, "Rule 4: Every seller's share must be a positive number.")
        XCTAssertEqual(errors[7].message, "Rule 6: Another rule is already called ‘twíns’.")
        XCTAssertEqual(errors[8].message, "Rule 7: A seller may appear only once in a distribution.")
        XCTAssertEqual(errors[9].message, "Rule 8: A distribution needs at least one seller.")
        XCTAssertEqual(LeadRuleSet([LeadRule(name: "Ok", matchesEveryLead: true, outcome: .freePool)]).validate(), [])
    }

    /// Countries are compared as countries: a rule or territory written with codes routes leads
    /// whose form sent the country's name, in English or its own language.
    func testCountriesMatchByCodeOrName() throws {
        XCTAssertEqual(Country.alpha2(of: " Österreich "), "AT")
        XCTAssertEqual(Country.alpha2(of: "uk"), "GB")
        XCTAssertEqual(Country.key(of: "Czechia"), "CZ")
        XCTAssertEqual(Country.key(of: "Atlantis"), "atlantis")
        XCTAssertNil(Country.alpha2(of: "xx"))
        XCTAssertTrue(Set(Country.spellings(of: "de")).isSuperset(of: ["de", "germany", "deutschland"]))
        let rules = LeadRuleSet([
            LeadRule(name: "DACH", conditions: [.oneOf(.country, ["DE", "AT", "CH"])], outcome: .assignee(1)),
            LeadRule(name: "Czech", conditions: [.equals(.country, "cz")], outcome: .assignee(2)),
            LeadRule(name: "Territory", conditions: [.territory(LeadTerritory(name: "UK", countries: ["GB"]))],
                     outcome: .assignee(3)),
        ])
        for (country, seller): (String, Int64) in [("Deutschland", 1), ("schweiz", 1), ("Česko", 2), ("Czech Republic", 2),
                                  ("United Kingdom", 3), ("uk", 3)] {
            XCTAssertEqual(rules.evaluate(try lead(country: country)).outcome, .assignee(seller), country)
        }
        XCTAssertEqual(rules.evaluate(try lead(country: "Denmark")).outcome, .freePool)
    }
}
