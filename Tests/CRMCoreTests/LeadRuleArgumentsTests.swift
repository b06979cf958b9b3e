import CRMCore
import XCTest

/// `crm rules add` arguments turned into a rule; every refusal names its argument.
final class LeadRuleArgumentsTests: XCTestCase {
    private let logins: [String: Int64] = ["alice": 2, "bob": 3, "carol": 4]

    private func rule(_ edit: (inout LeadRuleArguments) -> Void) throws(LeadRuleArgumentError) -> LeadRule {
        var arguments = LeadRuleArguments()
        arguments.name = "DACH web"
        edit(&arguments)
        return try arguments.rule(userID: { self.logins[$0] }, partnerID: { $0 == "Nordwind" ? 9 : nil })
    }

    private func failure(_ edit: (inout LeadRuleArguments) -> Void) -> String? {
        do {
            _ = try rule(edit)
            return nil
        } catch {
            return error.description
        }
    }

    func testConditionsOutcomesAndPriorityAreRead() throws {
        let distributed = try rule {
            $0.when = ["country in DE, AT, CH", "value >= 10000 EUR"]
            $0.distribute = "alice=50,bob=30, carol=20"
            $0.priority = "High"
        }
        XCTAssertEqual(distributed.conditions, [.oneOf(.country, ["DE", "AT", "CH"]), .value(.atLeast, Money(10_000, try Currency(code: "EUR")))])
        XCTAssertEqual(distributed.outcome, .distribution([SellerShare(sellerID: 2, weight: 50), SellerShare(sellerID: 3, weight: 30),
                                                           SellerShare(sellerID: 4, weight: 20)]))
        XCTAssertEqual(distributed.priority, .high)
        XCTAssertEqual(try rule { $0.when = ["source is fair"]; $0.partner = "Nordwind" }.outcome, .partner(9))
        XCTAssertEqual(try rule { $0.when = ["score > 50"]; $0.assignTo = "bob" }.outcome, .assignee(3))
        let catchAll = try rule { $0.everyLead = true; $0.freePool = true }
        XCTAssertTrue(catchAll.matchesEveryLead)
        XCTAssertEqual(catchAll.outcome, .freePool)
        XCTAssertNil(catchAll.priority)
    }

    func testEveryRefusalNamesItsArgument() {
        XCTAssertEqual(failure { $0.when = ["country is"]; $0.freePool = true },
                       "--when \"country is\": Write a condition as FIELD OPERATOR VALUE, e.g. ‘country in DE, AT’.")
        XCTAssertEqual(failure { $0.when = ["score >= 5"] },
                       "--assign-to, --partner, --distribute or --free-pool: say where matching leads go with exactly one of them")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.freePool = true; $0.assignTo = "bob" },
                       "--assign-to, --partner, --distribute or --free-pool: say where matching leads go with exactly one of them")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.assignTo = "dave" }, "--assign-to dave: there is no such user")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.partner = "Acme" }, "--partner \"Acme\": there is no such partner")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.distribute = "alice:50" },
                       "--distribute \"alice:50\": Write each seller as LOGIN=WEIGHT, not ‘alice:50’.")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.distribute = "alice=0" },
                       "the outcome: Every seller's share must be a positive number.")
        XCTAssertEqual(failure { $0.when = ["score >= 5"]; $0.freePool = true; $0.priority = "asap" },
                       "--priority asap: choose one of low, normal, high, urgent")
        XCTAssertEqual(failure { $0.freePool = true }, "--when: Add a condition, or let the rule match every lead.")
        XCTAssertEqual(failure { $0.name = " "; $0.everyLead = true; $0.freePool = true }?.hasPrefix("--name: "), true)
    }
}
