import CRMCore
import XCTest

/// The stored JSON of rule definitions and the text syntax of conditions (LP-3).
final class LeadRuleJSONTests: XCTestCase {
    private func eur(_ amount: String) throws -> Money { Money(Decimal(string: amount)!, try Currency(code: "EUR")) }

    func testEveryKindOfRuleSurvivesARoundTripExactly() throws {
        let rules = [
            LeadRule(name: "DACH", conditions: [
                .oneOf(.country, ["DE", "AT", "CH"]), .contains(.source, "web"), .equals(.utmMedium, "cpc"),
                .value(.atLeast, try eur("10000.05")), .score(.greaterThan, 50),
                .territory(LeadTerritory(name: "Benelux", countries: ["NL", "BE", "LU"])),
            ], outcome: .distribution([SellerShare(sellerID: 2, weight: 50), SellerShare(sellerID: 3, weight: 30)]),
            priority: .high),
            LeadRule(name: "Partner", conditions: [.equals(.campaignID, "7")], outcome: .partner(9)),
            LeadRule(name: "Rest", matchesEveryLead: true, outcome: .freePool),
            LeadRule(name: "Alice", conditions: [.contains(.description, "\"quoted\" \\ text")], outcome: .assignee(4)),
        ]
        for rule in rules {
            let json = LeadRuleJSON.encode(rule)
            XCTAssertEqual(try LeadRuleJSON.decode(name: rule.name, json), rule, json)
            XCTAssertEqual(LeadRuleJSON.encode(try LeadRuleJSON.decode(name: rule.name, json)), json, "stable text")
        }
        XCTAssertTrue(LeadRuleJSON.encode(rules[0]).contains("\"amount\":\"10000.05\""))
        XCTAssertTrue(LeadRuleJSON.encode(rules[0]).hasPrefix("{\"conditions\":"), "keys are sorted")
    }

    func testBrokenDefinitionsNameTheRuleAndTheField() {
        func failure(_ json: String) -> LeadRuleDecodingError? {
            do {
                _ = try LeadRuleJSON.decode(name: "Web", json)
                return nil
            } catch {
                return error
            }
        }
        let unknownField = failure("""
            {"format":1,"matchesEveryLead":false,"outcome":{"kind":"freePool"},
             "conditions":[{"kind":"equals","field":"country","text":"DE"},{"kind":"equals","field":"contry","text":"x"}]}
            """)
        XCTAssertEqual(unknownField?.rule, "Web")
        XCTAssertEqual(unknownField?.field, "conditions.1.field")
        XCTAssertEqual(unknownField?.description, "The lead rule ‘Web’ cannot be read: conditions.1.field has the unknown value ‘contry’.")
        let missingOutcome = failure("{\"format\":1,\"matchesEveryLead\":true,\"conditions\":[]}")
        XCTAssertEqual(missingOutcome?.field, "outcome")
        XCTAssertEqual(missingOutcome?.message, "is missing")
        let badCurrency = failure("""
            {"format":1,"matchesEveryLead":false,"outcome":{"kind":"freePool"},
             "conditions":[{"kind":"value","comparison":"atLeast","amount":"5","currency":"EURO"}]}
            """)
        XCTAssertEqual(badCurrency?.field, "conditions.0.currency")
        let newer = failure("{\"format\":2,\"matchesEveryLead\":true,\"conditions\":[],\"outcome\":{\"kind\":\"freePool\"}}")
        XCTAssertEqual(newer?.field, "format")
        XCTAssertEqual(failure("not json")?.rule, "Web")
    }

    func testConditionSyntaxReadsAndWritesEveryKind() throws {
        let cases: [(String, LeadCondition)] = [
            ("country in DE, AT, CH", .oneOf(.country, ["DE", "AT", "CH"])),
            ("source contains web form", .contains(.source, "web form")),
            ("utm_medium is cpc", .equals(.utmMedium, "cpc")),
            ("campaign is 7", .equals(.campaignID, "7")),
            ("value >= 10000.00 EUR", .value(.atLeast, try eur("10000"))),
            ("score < 20", .score(.lessThan, 20)),
            ("territory is DACH: DE, AT, CH", .territory(LeadTerritory(name: "DACH", countries: ["DE", "AT", "CH"]))),
        ]
        for (text, condition) in cases {
            XCTAssertEqual(try LeadConditionSyntax.parse(text), condition, text)
            XCTAssertEqual(LeadConditionSyntax.format(condition), text)
        }
        XCTAssertEqual(try LeadConditionSyntax.parse("  Country   in DE,AT "), .oneOf(.country, ["DE", "AT"]))
        XCTAssertEqual(try LeadConditionSyntax.parse("value ≥ 5 czk"), .value(.atLeast, Money(5, try Currency(code: "CZK"))))
        // Amounts are read as the app writes them: a comma groups thousands.
        XCTAssertEqual(try LeadConditionSyntax.parse("value >= 52,000 EUR"), .value(.atLeast, try eur("52000")))
        XCTAssertEqual(try LeadConditionSyntax.parse("value >= 1.5k EUR"), .value(.atLeast, try eur("1500")))
    }

    func testConditionSyntaxErrorsSayWhatIsWrong() {
        func message(_ text: String) -> String? {
            do {
                _ = try LeadConditionSyntax.parse(text)
                return nil
            } catch {
                return error.message
            }
        }
        XCTAssertEqual(message("country"), "Write a condition as FIELD OPERATOR VALUE, e.g. ‘country in DE, AT’.")
        XCTAssertTrue(message("contry in DE")?.hasPrefix("Unknown field ‘contry’; use one of source, campaign, country") == true)
        XCTAssertEqual(message("score contains 5"), "‘score’ takes the operators < <= = >= >, not ‘contains’.")
        XCTAssertEqual(message("score >= lots"), "A score is a whole number, not ‘lots’.")
        XCTAssertEqual(message("value >= 10000"), "Write the value as an amount and a currency code, e.g. ‘10000 EUR’.")
        XCTAssertEqual(message("value >= ten EUR"), "‘ten’: not an amount: write 52,000.00, 52k or 1.5M")
        XCTAssertEqual(message("value >= 52,5 EUR"), "‘52,5’: use a point for decimals: 52.5")
        XCTAssertEqual(message("territory is DACH"), "Write a territory as NAME: COUNTRY, COUNTRY, e.g. ‘DACH: DE, AT, CH’.")
    }
}
