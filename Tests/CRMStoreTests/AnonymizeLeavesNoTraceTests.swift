import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// Anonymizing a person (LD-9, PC-3) leaves no copy of them in the database or its files: not
/// in another record's history, an activity's text, an intake receipt, the search index or the
/// WAL. One person is reached through every path a CRM has — intake, a merged duplicate,
/// qualification, business roles, activities, edits — and then looked for everywhere.
final class AnonymizeLeavesNoTraceTests: XCTestCase {
    /// The person's names as written and as the search index folds them, the e-mail, and both
    /// numbers as written and as digits without the calling code.
    private let scan = TraceScan(needles: [
        "Zdeňka", "zdenka", "Quillfeather", PersonTrail.email, "731 555 019", "731555019", "602 555 388", "602555388",
    ])

    // MARK: - Every path at once

    func testAnonymizingTheLeadAndItsContactLeavesTheirPersonInNoTableAndNoFile() throws {
        let trail = try PersonTrail(self)
        XCTAssertTrue(try scan.tableHits(trail.db).contains { $0.hasPrefix("intake_receipts.") }, "the scan sees her")

        try trail.anonymizeLeadAndContact()

        XCTAssertEqual(try scan.tableHits(trail.db), [])
        XCTAssertEqual(scan.fileHits(trail.path), [])
        let stays = TraceScan(needles: ["Fernhollow Instruments", "keepsake.control@example.org"])
        XCTAssertEqual(stays.fileHits(trail.path), ["crm.sqlite: Fernhollow Instruments", "crm.sqlite: keepsake.control@example.org"],
                       "the check sees what stays: the account made from her company, the lead beside hers")
    }

    // MARK: - One trace at a time

    func testTheMergeHistoryNoLongerNamesTheMergedLead() throws {
        let trail = try PersonTrail(self)
        let journal = trail.fixture.db.journal(actingAs: trail.fixture.alice)
        let before = try XCTUnwrap(journal.history(of: .lead, id: trail.leadID).first { $0.field == "mergedFrom" })
        XCTAssertEqual(before.newValue, "#\(trail.mergedID) Zdenka Quillfeather")

        try trail.anonymizeLead()

        let after = try XCTUnwrap(journal.history(of: .lead, id: trail.leadID).first { $0.field == "mergedFrom" })
        XCTAssertEqual(after.newValue, "#\(trail.mergedID) [erased]", "which lead was merged in stays")
    }

    func testBusinessRoleHistoryNoLongerNamesTheContactEvenAfterTheRoleWasRemoved() throws {
        let trail = try PersonTrail(self)
        try trail.anonymizeContact()

        let journal = trail.fixture.db.journal(actingAs: trail.fixture.alice)
        let current = try journal.history(of: .opportunity, id: trail.roleOpportunityID).compactMap(\.newValue)
        XCTAssertTrue(current.contains("[erased]: Decision maker"), "\(current)")
        let removed = try journal.history(of: .opportunity, id: trail.pastRoleOpportunityID)
            .filter { $0.field == "businessRoles" }.map { [$0.oldValue ?? "", $0.newValue ?? ""] }
        XCTAssertEqual(removed, [["Champion", ""], ["", "[erased]: Champion"]])
    }

    func testActivitiesKeepTheirTextWithTheMentionsErased() throws {
        let trail = try PersonTrail(self)
        try trail.anonymizeLeadAndContact()

        let activities = trail.fixture.db.salesActivities(actingAs: trail.fixture.alice)
        let onLead = try activities.timeline(of: .lead(trail.leadID), .first, limit: 10)
        XCTAssertEqual(Set(onLead.map(\.fields.description)),
                       ["[erased] called from [erased] about the quote", "Met [erased] at the fair"])
        XCTAssertEqual(Set(onLead.map(\.fields.outcome)), ["Send the quote to [erased]", ""])
        let onDeal = try activities.timeline(of: .opportunity(trail.opportunityID), .first, limit: 10)
        XCTAssertEqual(onDeal.map(\.fields.description), ["Demo for [erased]; [erased] asked for references"])
        let history = try trail.fixture.db.journal(actingAs: trail.fixture.alice)
            .history(of: .salesActivity, id: XCTUnwrap(onDeal.first?.id))
        let scrubbed = "Demo for [erased]; [erased] asked for references"
        let scrub = try XCTUnwrap(history.first)
        XCTAssertEqual([scrub.action.rawValue, scrub.field, scrub.oldValue, scrub.newValue, scrub.userID.map(String.init)],
                       ["update", "description", nil, scrubbed, String(trail.fixture.alice.id)],
                       "the scrub is journaled as a change by whoever anonymized, without the old text")
        XCTAssertTrue(history.contains { $0.action == .create && $0.newValue == scrubbed },
                      "the creation row holds the scrubbed text: \(history.compactMap(\.newValue))")
    }

    func testATaskOnTheOpportunityKeepsItsTextWithoutThePersonAndIsFoundByItsNewSubject() throws {
        let trail = try PersonTrail(self)
        try trail.anonymizeLead()

        let tasks = trail.fixture.db.tasks(actingAs: trail.fixture.alice)
        let task = try tasks.get(id: trail.taskID)
        XCTAssertEqual(task.fields.subject, "Send [erased] the gauge list")
        XCTAssertEqual(task.fields.description, "She is on [erased] until noon")
        let history = try trail.fixture.db.journal(actingAs: trail.fixture.alice).history(of: .task, id: trail.taskID)
        XCTAssertFalse(history.contains { ($0.oldValue ?? "") + ($0.newValue ?? "") == "Send Zdeňka Quillfeather the gauge list" },
                       "\(history.compactMap(\.newValue))")
        XCTAssertEqual(try tasks.page(TaskQuery(filter: "quillfeather"), .first, limit: 10), [])
        XCTAssertEqual(try tasks.page(TaskQuery(filter: "gauge"), .first, limit: 10).map(\.id), [trail.taskID])
    }

    func testTheOpportunityMadeFromTheLeadKeepsItsDescriptionWithoutThePerson() throws {
        let trail = try PersonTrail(self)
        try trail.anonymizeLead()

        let opportunity = try trail.fixture.db.opportunities(actingAs: trail.fixture.alice).get(id: trail.opportunityID)
        XCTAssertEqual(opportunity.name, "Fernhollow Instruments")
        XCTAssertEqual(opportunity.fields.description, "[erased] wants calibration for 40 gauges; call [erased]")
    }

    /// A lead without a company becomes an opportunity named after the person.
    func testAnOpportunityNamedAfterTheLeadIsRenamedAndFoundByItsNewName() throws {
        let fixture = try Fixture(database: AppDatabase.open(path: temporaryDatabasePath(self)))
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var draft = LeadDraft()
        draft.firstName = "Zdeňka"
        draft.lastName = "Quillfeather"
        var lead = try leads.create(draft)
        let plan = try leads.qualificationPlan(id: lead.id)
        XCTAssertEqual(plan.opportunity.name, "Zdeňka Quillfeather")
        lead = try leads.qualify(id: lead.id, expectedVersion: lead.version,
                                 LeadQualification(opportunity: plan.opportunity, account: .none, contact: .none))

        _ = try leads.anonymize(id: lead.id, expectedVersion: lead.version)

        let opportunities = fixture.db.opportunities(actingAs: fixture.alice)
        let opportunity = try opportunities.get(id: XCTUnwrap(lead.history.opportunityID))
        XCTAssertEqual(opportunity.name, "[erased]")
        XCTAssertEqual(try opportunities.page(OpportunityQuery(filter: "quillfeather"), .first, limit: 10), [])
        XCTAssertEqual(try opportunities.page(OpportunityQuery(filter: "erased"), .first, limit: 10).map(\.id),
                       [opportunity.id])
    }

    /// Receipts keyed by the person are dropped, not hashed: a hash of a guessable e-mail
    /// address would still identify her.
    func testAReceiptKeyedByThePersonIsDroppedWhileAnOpaqueKeyStillReplays() throws {
        let trail = try PersonTrail(self)
        let opaqueKey = "3f6c1e0a-52b1-4c55-9d1e-7b0b1b2f6a10"
        let opaque = try XCTUnwrap(trail.receive(#"{"first_name": "Zdeňka", "last_name": "Quillfeather"}"#, key: opaqueKey)
            .leadID)
        try trail.fixture.db.leads(actingAs: trail.fixture.alice).mergeAsTheyAre(keep: trail.leadID, remove: opaque)
        XCTAssertEqual(try trail.receiptKeys(), [opaqueKey, "newsletter:\(PersonTrail.email)", PersonTrail.email])

        try trail.anonymizeLead()

        XCTAssertEqual(try trail.receiptKeys(), [opaqueKey])
        XCTAssertEqual(try trail.receive(#"{"last_name": "Q"}"#, key: opaqueKey), .replayed(leadID: trail.leadID),
                       "a retry of the opaque request is still recognised")
        XCTAssertEqual(try trail.receive(#"{"last_name": "Q", "external_id": "\#(PersonTrail.email)"}"#, key: nil).isReplay,
                       false, "a retry under her e-mail is a new submission")
    }

    func testNoFileHoldsTheErasedBytesOnceTheAnonymizeReturns() throws {
        let trail = try PersonTrail(self)
        XCTAssertFalse(scan.fileHits(trail.path).isEmpty, "the check sees the person before the anonymize")

        try trail.anonymizeLeadAndContact()

        let wal = (try? FileManager.default.attributesOfItem(atPath: trail.path + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(wal, 0, "the WAL was checkpointed and truncated")
        XCTAssertEqual(scan.fileHits(trail.path), [])
    }

    /// A reader holding an old snapshot keeps the WAL from being truncated (the checkpoint waits
    /// two seconds for it); the anonymize is committed all the same, and the next checkpoint
    /// that finds no such reader empties the WAL.
    func testAReaderKeepingTheWALDoesNotStopTheAnonymize() throws {
        let trail = try PersonTrail(self)
        let reader = try DatabaseQueue(path: trail.path)
        try reader.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM leads")
            try trail.anonymizeLead()
        }
        XCTAssertTrue(try trail.fixture.db.leads(actingAs: trail.fixture.alice).get(id: trail.leadID).isAnonymized)
        XCTAssertFalse(scan.fileHits(trail.path).isEmpty, "the old copies wait in the WAL")

        try trail.anonymizeContact()
        XCTAssertEqual(scan.fileHits(trail.path), [])
    }
}

/// One person, "Zdeňka Quillfeather", reached through every path: posted twice through intake
/// (once with an Idempotency-Key quoting her e-mail, once with her e-mail as the external id),
/// the second lead merged into the first, activities on both, an edit, qualified into an
/// account, a contact and an opportunity, the contact edited and given business roles on two
/// more opportunities (one removed again), activities there too. Another lead stands beside
/// hers, so a scan that finds nothing could have found something.
private struct PersonTrail {
    static let email = "zq.fernhollow-5e7@example.org"

    let path: String
    let fixture: Fixture
    let apiKey: ApiKey
    /// The lead posted first, which the second one is merged into.
    let leadID: Int64
    let mergedID: Int64
    let contactID: Int64
    /// The opportunity the lead became.
    let opportunityID: Int64
    let roleOpportunityID: Int64
    let pastRoleOpportunityID: Int64
    /// A task related to the opportunity the lead became.
    let taskID: Int64

    var db: AppDatabase { fixture.db }

    init(_ test: XCTestCase) throws {
        path = try temporaryDatabasePath(test)
        fixture = try Fixture(database: AppDatabase.open(path: path))
        apiKey = try fixture.db.apiKeys(actingAs: nil).create(
            ApiKeyDraft(name: "Web form"), credentials: ApiKeyCredentials(keyHash: "h1", keyPrefix: "crm_h1", signingSecret: nil))
        let email = Self.email
        let leads = fixture.db.leads(actingAs: fixture.alice)
        leadID = try XCTUnwrap(Self.submit(fixture, apiKey, """
            {"first_name": "Zdeňka", "last_name": "Quillfeather", "company": "Fernhollow Instruments",
             "email": "\(email)", "phone": "+420 731 555 019", "external_id": "\(email)",
             "message": "Zdeňka Quillfeather asks for a demo"}
            """, key: "newsletter:\(email)").leadID)
        mergedID = try XCTUnwrap(Self.submit(fixture, apiKey, """
            {"first_name": "Zdenka", "last_name": "Quillfeather", "email": "\(email)", "mobile": "+420 602 555 388",
             "external_id": "\(email)"}
            """, key: nil).leadID)
        _ = try leads.create(Self.bystander())

        try Self.log(fixture, on: .lead(mergedID), "Zdenka Quillfeather called from +420 602 555 388 about the quote",
                     outcome: "Send the quote to \(email)")
        try Self.log(fixture, on: .lead(leadID), "Met Zdeňka at the fair")
        try leads.mergeAsTheyAre(keep: leadID, remove: mergedID)
        var lead = try leads.get(id: leadID)
        var edit = lead.fields
        edit.jobTitle = "Head of metrology"
        edit.description = "Zdeňka wants calibration for 40 gauges; call +420 731 555 019"
        lead = try leads.update(id: leadID, with: edit, expectedVersion: lead.version)

        let plan = try leads.qualificationPlan(id: leadID)
        lead = try leads.qualify(id: leadID, expectedVersion: lead.version,
                                 LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .fromLead))
        opportunityID = try XCTUnwrap(lead.history.opportunityID)
        contactID = try XCTUnwrap(lead.history.contactID)
        try Self.log(fixture, on: .opportunity(opportunityID), "Demo for Zdeňka Quillfeather; Zdeňka asked for references")
        let project = try fixture.db.projects(actingAs: fixture.alice).create(ProjectDraft(name: "Sales", identifier: "sales"))
        var task = TaskDraft(subject: "Send Zdeňka Quillfeather the gauge list", projectID: project.id)
        task.description = "She is on +420 731 555 019 until noon"
        taskID = try fixture.db.tasks(actingAs: fixture.alice).create(task, relatedTo: [.opportunity(opportunityID)]).id

        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let contact = try contacts.get(id: contactID)
        var contactEdit = contact.fields
        contactEdit.note = "Her assistant answers +420 731 555 019"
        contactEdit.mobile = "+420 602 555 388"
        _ = try contacts.update(id: contactID, with: contactEdit, expectedVersion: contact.version)

        let opportunities = fixture.db.opportunities(actingAs: fixture.alice)
        let relations = fixture.db.opportunityRelations(actingAs: fixture.alice)
        let statusID = plan.opportunity.statusID
        roleOpportunityID = try opportunities.create(OpportunityDraft(name: "Fernhollow calibration lab", statusID: statusID)).id
        try relations.addBusinessRole(contactID: contactID, role: "Decision maker", to: roleOpportunityID)
        try Self.log(fixture, on: .opportunity(roleOpportunityID), "Quillfeather signs off the budget")
        pastRoleOpportunityID = try opportunities.create(OpportunityDraft(name: "Fernhollow service", statusID: statusID)).id
        try relations.addBusinessRole(contactID: contactID, role: "Champion", to: pastRoleOpportunityID)
        let role = try XCTUnwrap(relations.businessRoles(of: pastRoleOpportunityID).first)
        try relations.removeBusinessRole(id: role.id)
    }

    func anonymizeLead() throws {
        let leads = fixture.db.leads(actingAs: fixture.alice)
        _ = try leads.anonymize(id: leadID, expectedVersion: leads.get(id: leadID).version)
    }

    func anonymizeContact() throws {
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        _ = try contacts.anonymize(id: contactID, expectedVersion: contacts.get(id: contactID).version)
    }

    func anonymizeLeadAndContact() throws {
        try anonymizeLead()
        try anonymizeContact()
    }

    /// Posts `body` through intake under the Idempotency-Key `key`.
    func receive(_ body: String, key: String?) throws -> IntakeResult {
        try Self.submit(fixture, apiKey, body, key: key)
    }

    func receiptKeys() throws -> [String] {
        try fixture.db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT idempotency_key FROM intake_receipts ORDER BY idempotency_key")
        }
    }

    private static func submit(_ fixture: Fixture, _ apiKey: ApiKey, _ body: String, key: String?) throws -> IntakeResult {
        try fixture.db.leadIntake.receive(
            IntakeSubmission(format: .json, contentType: "application/json", body: Array(body.utf8), idempotencyKey: key),
            from: apiKey)
    }

    private static func log(_ fixture: Fixture, on target: ActivityTarget, _ description: String, outcome: String = "") throws {
        let call = try fixture.db.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM activity_categories WHERE name = 'Call'")
        }
        var draft = SalesActivityDraft(target: target, categoryID: call, at: Date(), ownerID: fixture.alice.id,
                                       durationMinutes: 15)
        draft.description = description
        draft.outcome = outcome
        _ = try fixture.db.salesActivities(actingAs: fixture.alice).create(draft)
    }

    private static func bystander() -> LeadDraft {
        var draft = LeadDraft()
        draft.firstName = "Keepsake"
        draft.lastName = "Control"
        draft.email = "keepsake.control@example.org"
        return draft
    }
}

private extension LeadRepository {
    /// Merges `remove` into `keep` with the kept lead's values, at both leads' current versions.
    func mergeAsTheyAre(keep: Int64, remove: Int64) throws {
        let kept = try get(id: keep), removed = try get(id: remove)
        _ = try merge(keep: keep, remove: remove, choices: LeadMergeChoices(kept: kept.fields, removed: removed.fields),
                      expectedVersions: (kept.version, removed.version))
    }
}
