import CRMCore
@testable import CRMApp
import CRMStore
import Foundation
import TerminalUITesting
import XCTest

/// Settings → Lead rules driven through the keys (LP-3…LP-5): the rule form with its condition
/// lines, errors in place, ordering, switching off and deleting.
final class LeadRulesWorkflowTests: XCTestCase {
    /// Opens settings on the lead rules tab (the eighth) after `setup` stored some rules.
    private func rulesTab(columns: Int = 160, rows: Int = 40,
                          setup: (AppHarness, LeadRuleRepository) throws -> Void = { _, _ in }) throws -> AppHarness {
        let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
        try setup(harness, harness.database.leadRules(actingAs: harness.user))
        try harness.press("g s")
        for _ in 0..<7 { try harness.press("Tab") }
        return harness
    }

    private func rules(_ harness: AppHarness) throws -> [StoredLeadRule] {
        try harness.database.leadRules(actingAs: harness.user).list()
    }

    private func userID(_ harness: AppHarness, _ login: String) throws -> Int64 {
        try XCTUnwrap(harness.database.users.find(login: login)).id
    }

    /// A sales rep sees the rules but is stopped at the key, before any form, when changing them.
    func testASalesRepSeesTheRulesButCannotChangeThem() throws {
        let admin = try rulesTab { _, rules in _ = try rules.create(LeadRule(name: "Everything", matchesEveryLead: true, outcome: .freePool)) }
        let rep = try AppHarness(columns: 160, rows: 40, login: "jan.novak", database: admin.database)
        try rep.press("g s")
        for _ in 0..<7 { try rep.press("Tab") }
        rep.assertShows("Everything")
        for key in ["n", "x", "D"] {
            try rep.press(key)
            rep.assertShows("Only administrators and sales directors change how leads are routed.")
            XCTAssertTrue(rep.app.currentScreen is SettingsScreen, "no form after \(key)")
        }
        XCTAssertEqual(try rules(admin).map(\.isActive), [true])
    }

    func testARuleWithTwoConditionLinesADistributionAndAPriorityIsSaved() throws {
        let harness = try rulesTab()
        harness.assertShows("No rules yet")
        try harness.press("n")
        harness.type("DACH web leads")
        try harness.press("Tab Right Right Tab Right Right Tab")  // country, in
        harness.type("DE, AT, CH")
        try harness.press("C-o Tab Right Tab")  // a second line: source contains
        harness.type("web")
        try harness.press("Tab Tab Right Right Right Tab Tab Tab")  // a distribution among users
        harness.type("eva.kralova=50, jan.novak=30, lena.mueller=20")
        try harness.press("Tab Right Right Right C-s")  // priority high
        harness.assertShows("Created the lead rule “DACH web leads”")
        let saved = try XCTUnwrap(rules(harness).first)
        XCTAssertEqual(saved.rule.conditions, [.oneOf(.country, ["DE", "AT", "CH"]), .contains(.source, "web")])
        XCTAssertEqual(saved.rule.outcome, .distribution([
            SellerShare(sellerID: try userID(harness, "eva.kralova"), weight: 50),
            SellerShare(sellerID: try userID(harness, "jan.novak"), weight: 30),
            SellerShare(sellerID: try userID(harness, "lena.mueller"), weight: 20)]))
        XCTAssertEqual(saved.rule.priority, .high)
        harness.assertShows("country in DE, AT, CH; source contains web")
        harness.assertShows("Eva Králová 50 · Jan Novák 30 · Lena Müller 20")
    }

    func testWrongLinesAndUnknownLoginsAreShownInPlaceWithTheInputKept() throws {
        let harness = try rulesTab()
        try harness.press("n")
        harness.type("Hot leads")
        try harness.press("Tab Right Right Right Right Tab Right Tab")  // score, contains
        harness.type("lots")
        try harness.press("Tab Tab Right Right Right Tab Tab Tab")
        harness.type("nobody=100")
        try harness.press("C-s")
        harness.assertShows("✗ ‘score’ takes the operators < <= = >= >, not ‘contains’.")
        harness.assertShows("✗ There is no user ‘nobody’.")
        harness.assertShows("lots")
        XCTAssertEqual(try rules(harness), [], "nothing was saved")
        // The focus is on the first wrong field; without its line the rule has no conditions.
        try harness.press("C-r")
        harness.assertHides("lots")
        try harness.press("C-s")
        harness.assertShows("✗ Add a condition, or let the rule match every lead.")
    }

    func testRulesMoveSwitchOffAndDeleteWithTheirKeys() throws {
        let harness = try rulesTab { _, repository in
            for name in ["Fairs", "Web", "Rest"] {
                _ = try repository.create(LeadRule(name: name, conditions: [.contains(.source, name)], outcome: .freePool))
            }
        }
        try harness.press("j j K")  // Rest up one
        XCTAssertEqual(try rules(harness).map(\.rule.name), ["Fairs", "Rest", "Web"])
        try harness.press("k J J")  // Fairs to the bottom
        XCTAssertEqual(try rules(harness).map(\.rule.name), ["Rest", "Web", "Fairs"])
        try harness.press("x")
        harness.assertShows("The rule “Fairs” is off")
        XCTAssertEqual(try rules(harness).map(\.isActive), [true, true, false])
        try harness.press("D")
        harness.assertShows("Delete the lead rule “Fairs”?")
        try harness.press("y")
        XCTAssertEqual(try rules(harness).map(\.rule.name), ["Rest", "Web"])
    }

    func testLeadRulesAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try rulesTab(columns: columns, rows: rows) { harness, repository in
                _ = try repository.create(LeadRule(
                    name: "DACH web leads", conditions: [.oneOf(.country, ["DE", "AT", "CH"]), .contains(.source, "web")],
                    outcome: .distribution([SellerShare(sellerID: try userID(harness, "eva.kralova"), weight: 50),
                                            SellerShare(sellerID: try userID(harness, "jan.novak"), weight: 50)]),
                    priority: .high))
                _ = try repository.create(LeadRule(name: "Everything else", matchesEveryLead: true,
                                                   outcome: .assignee(try userID(harness, "lena.mueller"))))
            }
            assertSnapshot(harness.lines, named: "settings-lead-rules-\(columns)x\(rows)")
            try harness.press("e")
            assertSnapshot(harness.lines, named: "settings-lead-rule-form-\(columns)x\(rows)")
        }
    }
}
