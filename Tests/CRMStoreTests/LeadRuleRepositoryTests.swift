import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Stored routing rules (LP-3): order, validation, version checks and the journal.
final class LeadRuleRepositoryTests: XCTestCase {
    private func rule(_ name: String, source: String = "web", outcome: LeadOutcome = .freePool) -> LeadRule {
        LeadRule(name: name, conditions: [.contains(.source, source)], outcome: outcome)
    }

    /// Routing decides every incoming lead's owner: a sales rep may read the rules and splitter
    /// filters but neither change nor run them; a sales director may.
    func testOnlyAdministratorsAndSalesDirectorsChangeLeadRouting() throws {
        let fixture = try Fixture()
        let director = try fixture.db.users.add(login: "dana", displayName: "Dana", role: .salesDirector)
        let stored = try fixture.db.leadRules(actingAs: director).create(rule("By director"))
        let asRep = fixture.db.leadRules(actingAs: fixture.alice)
        XCTAssertEqual(try asRep.list().map(\.rule.name), ["By director"])
        let refusal = "Only administrators and sales directors change how leads are routed."
        for change in [{ _ = try asRep.create(self.rule("By rep")) },
                       { _ = try asRep.setActive(false, id: stored.id, expectedVersion: stored.version) },
                       { try asRep.delete(id: stored.id, expectedVersion: stored.version) },
                       { _ = try fixture.db.leadSplitter(actingAs: fixture.alice).runAll() }] {
            XCTAssertThrowsError(try change()) { XCTAssertEqual(($0 as? RuleViolationError)?.message, refusal) }
        }
        XCTAssertEqual(try asRep.list().map(\.isActive), [true])
        XCTAssertNoThrow(try fixture.db.leadSplitter(actingAs: director).runAll())
    }

    func testRulesKeepDenseUniquePositionsThroughCreateMoveAndDelete() throws {
        let fixture = try Fixture()
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        let a = try rules.create(rule("A"))
        let b = try rules.create(rule("B"))
        _ = try rules.create(rule("First"), at: 1)
        _ = try rules.create(rule("Between"), at: 3)
        XCTAssertEqual(try rules.list().map(\.rule.name), ["First", "A", "Between", "B"])
        XCTAssertEqual(try rules.list().map(\.position), [1, 2, 3, 4])
        _ = try rules.move(id: b.id, to: 1, expectedVersion: b.version)
        XCTAssertEqual(try rules.list().map(\.rule.name), ["B", "First", "A", "Between"])
        _ = try rules.move(id: a.id, to: 99, expectedVersion: a.version)
        XCTAssertEqual(try rules.list().map(\.rule.name), ["B", "First", "Between", "A"])
        try rules.delete(id: b.id, expectedVersion: try rules.get(id: b.id).version)
        XCTAssertEqual(try rules.list().map(\.rule.name), ["First", "Between", "A"])
        XCTAssertEqual(try rules.list().map(\.position), [1, 2, 3])
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .leadRule, id: a.id)
        XCTAssertTrue(history.contains { $0.field == "position" && $0.oldValue == "3" && $0.newValue == "4" })
        XCTAssertTrue(history.contains { $0.field == "conditions" && $0.newValue == "source contains web" })
    }

    func testARuleRoundTripsWithItsOutcomeAndPriority() throws {
        let fixture = try Fixture()
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        let draft = LeadRule(
            name: "Big DACH", conditions: [.oneOf(.country, ["DE", "AT"]), .value(.atLeast, Money(10_000, try Currency(code: "EUR")))],
            outcome: .distribution([SellerShare(sellerID: fixture.alice.id, weight: 60),
                                    SellerShare(sellerID: fixture.bob.id, weight: 40)]), priority: .urgent)
        let saved = try rules.create(draft)
        XCTAssertEqual(try rules.get(id: saved.id).rule, draft)
        XCTAssertTrue(saved.isActive)
        let off = try rules.setActive(false, id: saved.id, expectedVersion: saved.version)
        XCTAssertFalse(try rules.get(id: saved.id).isActive)
        XCTAssertEqual(off.version, saved.version + 1)
    }

    func testInvalidRulesAreRefusedWithFieldErrors() throws {
        let fixture = try Fixture()
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        _ = try rules.create(rule("Web leads"))
        func errors(_ rule: LeadRule) -> [FieldError] {
            do {
                _ = try rules.create(rule)
                return []
            } catch let error as ValidationError {
                return error.errors
            } catch {
                return [FieldError(field: "?", message: "\(error)")]
            }
        }
        XCTAssertEqual(errors(rule("web LEADS")), [FieldError(field: "name", message: "Another rule is already called ‘web LEADS’.")])
        XCTAssertEqual(errors(LeadRule(name: "Empty", outcome: .freePool)).map(\.field), ["conditions"])
        XCTAssertEqual(errors(rule("Ghost", outcome: .assignee(999))),
                       [FieldError(field: "outcome", message: "Send leads only to active users (user 999 is not one).")])
        XCTAssertEqual(errors(rule("Nobody", outcome: .partner(999))), [FieldError(field: "outcome", message: "Choose an existing partner.")])
        try fixture.db.write { db in try db.execute(sql: "UPDATE users SET active = 0 WHERE id = ?", arguments: [fixture.bob.id]) }
        XCTAssertEqual(errors(rule("Bob", outcome: .distribution([SellerShare(sellerID: fixture.alice.id, weight: 1),
                                                                    SellerShare(sellerID: fixture.bob.id, weight: 1)]))).map(\.field),
                       ["outcome"])
        XCTAssertEqual(try rules.list().count, 1, "nothing half-saved")
    }

    func testAStaleEditIsRefusedWithTheFreshRuleButRoutingDoesNotMakeItStale() throws {
        let fixture = try Fixture()
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        let saved = try rules.create(LeadRule(name: "All", matchesEveryLead: true, outcome: .distribution([
            SellerShare(sellerID: fixture.alice.id, weight: 1), SellerShare(sellerID: fixture.bob.id, weight: 1)])))
        var lead = LeadDraft()
        lead.company = "Acme"
        _ = try fixture.db.leads(actingAs: fixture.alice).create(lead, routed: true)
        var edited = saved.rule
        edited.name = "Everything"
        let updated = try rules.update(id: saved.id, with: edited, expectedVersion: saved.version)
        XCTAssertEqual(updated.rule.name, "Everything")
        XCTAssertThrowsError(try rules.update(id: saved.id, with: saved.rule, expectedVersion: saved.version)) { error in
            XCTAssertEqual((error as? StaleRecordError<StoredLeadRule>)?.fresh.rule.name, "Everything")
        }
        XCTAssertThrowsError(try rules.delete(id: saved.id, expectedVersion: saved.version))
    }
}
