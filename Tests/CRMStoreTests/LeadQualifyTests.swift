import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Qualifying a lead (LD-5): what it creates, what it reuses, what it asks for and that it is
/// all or nothing.
final class LeadQualifyTests: XCTestCase {
    private func kestrel(_ fixture: Fixture) throws -> Lead {
        var draft = LeadDraft()
        draft.firstName = "Ana"
        draft.lastName = "Bell"
        draft.company = "Kestrel Ltd"
        draft.email = "ana.bell@kestrel.example"
        draft.phone = "+44 20 7946 0000"
        draft.jobTitle = "Buyer"
        draft.value = Money(minorUnits: 500_000, try Currency(code: "EUR"))
        draft.assigneeID = fixture.bob.id
        return try fixture.db.leads(actingAs: fixture.alice).create(draft)
    }

    private func counts(_ fixture: Fixture) throws -> [Int] {
        try fixture.db.writer.read { db in
            try ["accounts", "contacts", "opportunities"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
    }

    func testQualifyingCreatesTheMissingAccountContactAndOpportunityAndLinksThem() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let lead = try kestrel(fixture)
        let plan = try leads.qualificationPlan(id: lead.id)
        XCTAssertTrue(plan.needsAccount)
        XCTAssertTrue(plan.needsContact)
        XCTAssertEqual(plan.missingFields, [], "the first open status requires nothing by default")
        XCTAssertEqual(plan.opportunity.name, "Kestrel Ltd")
        XCTAssertEqual(plan.opportunity.ownerID, fixture.bob.id, "the lead's assignee owns the opportunity")

        let qualified = try leads.qualify(id: lead.id, expectedVersion: lead.version,
                                          LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .fromLead))
        XCTAssertEqual(qualified.statusKind, .qualified)
        XCTAssertNotNil(qualified.history.qualifiedAt)
        let opportunity = try fixture.db.opportunities(actingAs: fixture.alice).get(id: XCTUnwrap(qualified.history.opportunityID))
        XCTAssertEqual(opportunity.name, "Kestrel Ltd")
        XCTAssertEqual(opportunity.amount?.description, "5000.00 EUR")
        XCTAssertEqual(opportunity.fields.ownerID, fixture.bob.id)
        XCTAssertEqual(opportunity.fields.accountID, qualified.history.accountID)
        XCTAssertEqual(opportunity.fields.contactID, qualified.history.contactID)
        let account = try fixture.db.accounts(actingAs: fixture.alice).get(id: XCTUnwrap(qualified.history.accountID))
        XCTAssertEqual(account.displayName, "Kestrel Ltd")
        let contact = try fixture.db.contacts(actingAs: fixture.alice).get(id: XCTUnwrap(qualified.history.contactID))
        XCTAssertEqual([contact.displayName, contact.fields.email, contact.fields.phone, contact.fields.jobTitle],
                       ["Ana Bell", "ana.bell@kestrel.example", "+44 20 7946 0000", "Buyer"])
        XCTAssertEqual(contact.fields.accountID, account.id)

        let journal = fixture.db.journal(actingAs: fixture.alice)
        let fields = Set(try journal.history(of: .lead, id: lead.id).compactMap(\.field))
        XCTAssertTrue(fields.isSuperset(of: ["statusID", "opportunity", "qualifiedAt", "account", "contact"]), "\(fields)")
        XCTAssertFalse(try journal.history(of: .opportunity, id: opportunity.id).isEmpty)
        XCTAssertFalse(try journal.history(of: .account, id: account.id).isEmpty)
    }

    func testAPickedExistingAccountIsReusedAndOfferedByCompanyName() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let existing = try accounts.create(fixture.company("Kestrel Ltd", city: "Leeds"))
        _ = try accounts.create(fixture.company("Osprey plc"))
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let lead = try kestrel(fixture)
        let plan = try leads.qualificationPlan(id: lead.id)
        XCTAssertEqual(plan.accountMatches.map(\.id), [existing.id])
        let before = try counts(fixture)

        let qualified = try leads.qualify(id: lead.id, expectedVersion: lead.version,
                                          LeadQualification(opportunity: plan.opportunity, account: .existing(existing.id),
                                                            contact: .none))
        XCTAssertEqual(qualified.history.accountID, existing.id)
        XCTAssertNil(qualified.history.contactID)
        XCTAssertEqual(try counts(fixture), [before[0], before[1], before[2] + 1], "only the opportunity is new")
    }

    func testAnExistingContactIsOfferedByEmail() throws {
        let fixture = try Fixture()
        var person = fixture.person("Ana", "Bell")
        person.email = "Ana.Bell@kestrel.example"
        let contact = try fixture.db.contacts(actingAs: fixture.alice).create(person)
        _ = try fixture.db.contacts(actingAs: fixture.alice).create(fixture.person("Ana", "Other"))
        let lead = try kestrel(fixture)
        let plan = try fixture.db.leads(actingAs: fixture.alice).qualificationPlan(id: lead.id)
        XCTAssertEqual(plan.contactMatches.map(\.id), [contact.id])
    }

    func testOnlyTheFieldsTheFirstStatusRequiresAreAskedAndAMissingOneSavesNothing() throws {
        let fixture = try Fixture()
        let statuses = fixture.db.opportunityStatuses(actingAs: fixture.admin)
        let first = try XCTUnwrap(statuses.list().first { $0.kind == .open })
        var settings = first.fields
        settings.requiredFields = [.expectedClose, .amount, .accountID]
        _ = try statuses.update(id: first.id, with: settings, expectedVersion: first.version)
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let lead = try kestrel(fixture)

        let plan = try leads.qualificationPlan(id: lead.id)
        XCTAssertEqual(plan.missingFields, [.expectedClose], "the amount comes from the lead; the account is asked apart")
        let before = try counts(fixture)
        XCTAssertThrowsError(try leads.qualify(
            id: lead.id, expectedVersion: lead.version,
            LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .fromLead))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["expectedClose"], "\(error)")
        }
        XCTAssertEqual(try counts(fixture), before, "the account and contact made before the failure are rolled back")
        let unchanged = try leads.get(id: lead.id)
        XCTAssertEqual(unchanged.version, lead.version)
        XCTAssertNil(unchanged.history.opportunityID)

        var filled = plan.opportunity
        filled.expectedClose = CalendarDate(year: 2026, month: 6, day: 30)
        XCTAssertThrowsError(try leads.qualify(id: lead.id, expectedVersion: lead.version,
                                               LeadQualification(opportunity: filled, account: .none, contact: .none))) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["accountID"], "\($0)")
        }
        let qualified = try leads.qualify(id: lead.id, expectedVersion: lead.version,
                                          LeadQualification(opportunity: filled, account: .fromLead, contact: .none))
        XCTAssertNotNil(qualified.history.opportunityID)
    }

    func testALeadIsQualifiedOnceAndANewAccountNeedsACompany() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var draft = LeadDraft()
        draft.email = "someone@example.org"
        let nameless = try leads.create(draft)
        let plan = try leads.qualificationPlan(id: nameless.id)
        XCTAssertEqual(plan.opportunity.name, "someone@example.org")
        XCTAssertThrowsError(try leads.qualify(id: nameless.id, expectedVersion: nameless.version,
                                               LeadQualification(opportunity: plan.opportunity, account: .fromLead,
                                                                 contact: .none))) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["accountID"], "\($0)")
        }

        let qualified = try leads.qualify(id: nameless.id, expectedVersion: nameless.version,
                                          LeadQualification(opportunity: plan.opportunity, account: .none, contact: .none))
        XCTAssertThrowsError(try leads.qualify(id: nameless.id, expectedVersion: qualified.version,
                                               LeadQualification(opportunity: plan.opportunity, account: .none,
                                                                 contact: .none))) {
            XCTAssertTrue(($0 as? RuleViolationError)?.message.contains("was qualified already") == true, "\($0)")
        }
        XCTAssertThrowsError(try leads.qualificationPlan(id: nameless.id)) { XCTAssertTrue($0 is RuleViolationError) }
        XCTAssertEqual(try counts(fixture)[2], 1)
    }

    /// Closing a lead goes through qualify and disqualify (LD-5, LD-6): an edit cannot move a
    /// lead into a closed status, a qualified lead keeps its status, a disqualified one may be
    /// reopened (its reason cleared), and the Closed and All views find closed leads again.
    func testOnlyQualifyAndDisqualifyCloseALeadAndClosedLeadsStayFindable() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let statuses = try fixture.db.leadStatuses.list()
        let qualifiedStatus = try XCTUnwrap(statuses.first { $0.kind == .qualified })
        let disqualifiedStatus = try XCTUnwrap(statuses.first { $0.kind == .disqualified })
        let openStatus = try XCTUnwrap(statuses.first { $0.kind == .working })
        let lead = try kestrel(fixture)
        for closed in [qualifiedStatus, disqualifiedStatus] {
            var edited = lead.fields
            edited.statusID = closed.id
            XCTAssertThrowsError(try leads.update(id: lead.id, with: edited, expectedVersion: lead.version)) {
                XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["statusID"], "\($0)")
            }
        }

        let disqualified = try leads.disqualify(id: lead.id, statusID: disqualifiedStatus.id, reason: "No budget",
                                                expectedVersion: lead.version)
        func ids(_ view: LeadQuery.View) throws -> [Int64] { try leads.page(LeadQuery(view: view), .first, limit: 10).map(\.id) }
        XCTAssertEqual(try ids(.closed), [lead.id])
        XCTAssertEqual(try ids(.all), [lead.id])
        XCTAssertEqual(try ids(.open), [])
        var renamed = disqualified.fields
        renamed.jobTitle = "Head of buying"
        let kept = try leads.update(id: lead.id, with: renamed, expectedVersion: disqualified.version)
        XCTAssertEqual(kept.statusKind, .disqualified, "other fields of a closed lead can be edited")
        XCTAssertEqual(kept.history.disqualifyReason, "No budget")
        var reopening = kept.fields
        reopening.statusID = openStatus.id
        let reopened = try leads.update(id: lead.id, with: reopening, expectedVersion: kept.version)
        XCTAssertEqual(reopened.statusKind, .working)
        XCTAssertEqual(reopened.history.disqualifyReason, "")
        XCTAssertEqual(try ids(.open), [lead.id])
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: lead.id)
        XCTAssertTrue(history.contains { $0.field == "disqualifyReason" && $0.oldValue == "No budget" && $0.newValue == "" })

        let plan = try leads.qualificationPlan(id: lead.id)
        let qualified = try leads.qualify(id: lead.id, expectedVersion: reopened.version,
                                          LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .fromLead))
        var backToOpen = qualified.fields
        backToOpen.statusID = openStatus.id
        XCTAssertThrowsError(try leads.update(id: lead.id, with: backToOpen, expectedVersion: qualified.version)) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.first?.message, "A qualified lead keeps its status: it became an opportunity.")
        }
        XCTAssertEqual(try ids(.closed), [lead.id])
        XCTAssertEqual(LeadRepository.disqualifyRefusal(qualified), "“Ana Bell” was qualified; it cannot be disqualified any more.")
        XCTAssertEqual(try fixture.db.search(actingAs: fixture.alice).search("ana bell").filter { $0.entity == .lead }.map(\.id),
                       [lead.id], "go to finds closed leads")
    }
}
