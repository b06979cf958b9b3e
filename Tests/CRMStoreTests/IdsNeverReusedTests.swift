import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// Ids are never handed out twice (issue 13): a record created after the newest one was deleted
/// gets an id of its own and a history of its own, and v22 separates histories that older
/// databases already mixed.
final class IdsNeverReusedTests: XCTestCase {
    private let day = Date(timeIntervalSince1970: 1_790_000_000)

    /// Creates two records of `kind`, deletes the newer and creates a third: the third must get
    /// an id no record had, and its history must hold its own rows only. `create` makes a record
    /// whose values contain the given word and returns its id and version.
    private func assertDeletedIDStaysUnused(
        _ kind: EntityKind, _ fixture: Fixture, file: StaticString = #filePath, line: UInt = #line,
        create: (String) throws -> (id: Int64, version: Int), delete: (Int64, Int) throws -> Void
    ) throws {
        _ = try create("Kept")
        let deleted = try create("Gone")
        try delete(deleted.id, deleted.version)
        let created = try create("Fresh").id
        XCTAssertGreaterThan(created, deleted.id, "the new \(kind.noun) got the deleted one's id", file: file, line: line)
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: kind, id: created)
        XCTAssertFalse(history.contains { $0.action == .delete }, "the deleted \(kind.noun)'s delete shows", file: file, line: line)
        XCTAssertFalse(history.contains { [$0.oldValue, $0.newValue].contains { $0?.contains("Gone") == true } },
                       "the deleted \(kind.noun)'s values show in the new one's history", file: file, line: line)
    }

    func testAccountIDsAreNotReused() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.account, fixture, create: { name in
            let account = try accounts.create(fixture.company("\(name) GmbH", email: "\(name)@example.org"))
            return (account.id, account.version)
        }, delete: accounts.delete(id:expectedVersion:))
    }

    func testContactIDsAreNotReused() throws {
        let fixture = try Fixture()
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.contact, fixture, create: { name in
            var draft = fixture.person("Eva", name)
            draft.email = "eva.\(name)@example.org"
            let contact = try contacts.create(draft)
            return (contact.id, contact.version)
        }, delete: contacts.delete(id:expectedVersion:))
    }

    func testOpportunityIDsAreNotReused() throws {
        let fixture = try Fixture()
        let status = try XCTUnwrap(fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first)
        let deals = fixture.db.opportunities(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.opportunity, fixture, create: { name in
            let deal = try deals.create(OpportunityDraft(name: "\(name) pilot", statusID: status.id))
            return (deal.id, deal.version)
        }, delete: deals.delete(id:expectedVersion:))
    }

    func testTaskAndProjectIDsAreNotReused() throws {
        let fixture = try Fixture()
        let projects = fixture.db.projects(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.project, fixture, create: { name in
            let project = try projects.create(ProjectDraft(name: "\(name) rollout", identifier: name.lowercased()))
            return (project.id, project.version)
        }, delete: projects.delete(id:expectedVersion:))
        let home = try projects.create(ProjectDraft(name: "Home", identifier: "home"))
        let tasks = fixture.db.tasks(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.task, fixture, create: { name in
            let task = try tasks.create(TaskDraft(subject: "Call \(name)", projectID: home.id))
            return (task.id, task.version)
        }, delete: tasks.delete(id:expectedVersion:))
    }

    func testSalesActivityIDsAreNotReused() throws {
        let fixture = try Fixture()
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        let call = try XCTUnwrap(fixture.db.activityCategories(actingAs: fixture.admin).list().first)
        let activities = fixture.db.salesActivities(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.salesActivity, fixture, create: { name in
            var draft = SalesActivityDraft(target: .account(account.id), categoryID: call.id, at: day, ownerID: fixture.alice.id)
            draft.outcome = "\(name) call"
            let activity = try activities.create(draft)
            return (activity.id, activity.version)
        }, delete: activities.delete(id:expectedVersion:))
    }

    func testPartnerIDsAreNotReused() throws {
        let fixture = try Fixture()
        let partners = fixture.db.partners(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.partner, fixture, create: { name in
            let partner = try partners.create(PartnerDraft(name: "\(name) Resellers"))
            return (partner.id, partner.version)
        }, delete: partners.delete(id:expectedVersion:))
    }

    func testLeadIDsAreNotReusedAfterAMerge() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let kept = try leads.create(lead("Ana", "Kept"))
        let gone = try leads.create(lead("Bea", "Gone"))
        _ = try leads.merge(keep: kept.id, remove: gone.id, choices: LeadMergeChoices(kept: kept.fields, removed: gone.fields),
                            expectedVersions: (kept.version, gone.version))
        let created = try leads.create(lead("Cid", "Fresh"))
        XCTAssertGreaterThan(created.id, gone.id)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: created.id)
        XCTAssertEqual(history.map(\.action), Array(repeating: .create, count: history.count))
    }

    func testSavedFilterAndLeadProcessingIDsAreNotReused() throws {
        let fixture = try Fixture()
        let filters = fixture.db.savedFilters(actingAs: fixture.alice)
        try assertDeletedIDStaysUnused(.savedFilter, fixture, create: { name in
            let filter = try filters.create(SavedFilterDraft(name: "\(name) accounts", list: .accounts, query: "city:\(name)"))
            return (filter.id, filter.version)
        }, delete: filters.delete(id:expectedVersion:))
        let rules = fixture.db.leadRules(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.leadRule, fixture, create: { name in
            let rule = try rules.create(LeadRule(name: "\(name) fairs", conditions: [.contains(.source, name)], outcome: .freePool))
            return (rule.id, rule.version)
        }, delete: rules.delete(id:expectedVersion:))
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.leadSplitFilter, fixture, create: { name in
            let filter = try splitter.create(LeadSplitFilterDraft(
                name: "\(name) split", filter: "source:\(name)",
                shares: [LeadShare(userID: fixture.alice.id, percent: 50), LeadShare(userID: fixture.bob.id, percent: 50)]))
            return (filter.id, filter.version)
        }, delete: splitter.delete(id:expectedVersion:))
    }

    func testSettingsIDsAreNotReused() throws {
        let fixture = try Fixture()
        let statuses = fixture.db.opportunityStatuses(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.opportunityStatus, fixture, create: { name in
            let status = try statuses.create(OpportunityStatusDraft(name: "\(name) review", position: 1, probability: 30))
            return (status.id, status.version)
        }, delete: statuses.delete(id:expectedVersion:))
        let accountTypes = fixture.db.accountTypes(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.accountType, fixture, create: { name in
            let type = try accountTypes.create(AccountTypeDraft(
                key: name.lowercased(), name: "\(name) branch", usesPersonName: false, usesOrganisationName: true))
            return (type.id, type.version)
        }, delete: accountTypes.delete(id:expectedVersion:))
        let contactTypes = fixture.db.contactTypes(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.contactType, fixture, create: { name in
            let type = try contactTypes.create(name: "\(name) advisor")
            return (type.id, type.version)
        }, delete: contactTypes.delete(id:expectedVersion:))
        let categories = fixture.db.activityCategories(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.activityCategory, fixture, create: { name in
            let category = try categories.create(name: "\(name) visit")
            return (category.id, category.version)
        }, delete: categories.delete(id:expectedVersion:))
        let reasons = fixture.db.lostReasons(actingAs: fixture.admin)
        try assertDeletedIDStaysUnused(.lostReason, fixture, create: { name in
            let reason = try reasons.create(name: "\(name) budget")
            return (reason.id, reason.version)
        }, delete: reasons.delete(id:expectedVersion:))
        let money = fixture.db.moneySettings(actingAs: fixture.admin)
        var month = 0
        try assertDeletedIDStaysUnused(.exchangeRate, fixture, create: { name in
            month += 1
            let rate = try money.setRate(Decimal(month), for: Currency(code: "USD"), from: CalendarDate(year: 2026, month: month, day: 1)!)
            return (rate.id, rate.version)
        }, delete: money.deleteRate(id:expectedVersion:))
    }

    /// Kinds without a delete (users, API keys, campaigns) and every later table of a journaled
    /// kind: the table must hand out each id once.
    func testEveryJournaledTableUsesAutoincrement() throws {
        let fixture = try Fixture()
        try fixture.db.writer.read { db in
            for kind in EntityKind.allCases {
                guard let table = Schema.journaledTable(of: kind) else { continue }
                let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                     arguments: [table])
                XCTAssertEqual(definition?.contains("id INTEGER PRIMARY KEY AUTOINCREMENT"), true, "\(table) may reuse ids")
            }
        }
    }

    /// A database at v21 where a contact was deleted and the next one took its id, as the code
    /// before v22 did, while an opportunity named the first contact: after the upgrade each
    /// contact has its own history, the opportunity's history names the deleted one, and new
    /// records get ids above everything the journal ever mentioned.
    func testTheUpgradeSeparatesAHistoryThatAReusedIDMixed() throws {
        let path = try temporaryDatabasePath(self)
        let old = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try Schema.migrator.migrate(old, upTo: "v21-account-visibility-one-choice")
        let alice = User(id: 1, login: "alice", displayName: "Alice", role: .salesRep)
        // The repositories' own inserts, run in v21 transactions; `standIn` only names them.
        let standIn = try AppDatabase.inMemory()
        let contacts = ContactRepository(database: standIn, actor: alice)
        let deals = OpportunityRepository(database: standIn, actor: alice)
        let (secret, earlyDeal, reused, lateDeal) = try old.write { db in
            try db.execute(sql: "INSERT INTO users (id, login, display_name, role) VALUES (1, 'alice', 'Alice', 'sales-rep')")
            let journal = JournalWriter(db: db, userID: alice.id, at: day)
            let employee = try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM contact_types WHERE name = 'Employee'"))
            let other = try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM contact_types WHERE name = 'Other'"))
            let status = try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT min(id) FROM opportunity_statuses"))
            func contact(_ first: String, _ last: String, _ email: String, type: Int64) throws -> Int64 {
                var draft = ContactDraft(typeID: type)
                (draft.firstName, draft.lastName, draft.email) = (first, last, email)
                return try contacts.insert(db, journal, draft)
            }
            func deal(_ name: String, with contact: Int64) throws -> Int64 {
                var draft = OpportunityDraft(name: name, statusID: status)
                draft.contactID = contact
                return try deals.insert(db, journal, draft)
            }
            _ = try contact("Jan", "Novak", "jan@example.org", type: employee)
            let secret = try contact("Eva", "Secret", "eva@secret.example", type: other)
            let earlyDeal = try deal("Eva's pilot", with: secret)
            try db.execute(sql: "DELETE FROM contacts WHERE id = ?", arguments: [secret])
            try journal.recorded(.delete, .contact, secret)
            // The seeded type "Other", unused once Eva is gone, makes way for a new one.
            try db.execute(sql: "DELETE FROM contact_types WHERE id = ?", arguments: [other])
            try journal.recorded(.delete, .contactType, other)
            try db.execute(sql: "INSERT INTO contact_types (name, position) VALUES ('Reseller', 3)")
            XCTAssertEqual(db.lastInsertedRowID, other, "v21 hands the deleted type's id out again")
            try journal.created(.contactType, other, ContactType(id: other, name: "Reseller", position: 3, version: 1))
            let reused = try contact("Petr", "Later", "petr@later.example", type: employee)
            return (secret, earlyDeal, reused, try deal("Petr's pilot", with: reused))
        }
        try old.close()
        XCTAssertEqual(reused, secret, "v21 hands the deleted contact's id out again")

        let database = try AppDatabase.open(path: path)
        let journal = database.journal(actingAs: alice)
        let petr = try journal.history(of: .contact, id: reused)
        XCTAssertEqual(petr.filter { $0.field == nil }.map(\.action), [.create], "one creation, no deletion")
        XCTAssertTrue(petr.contains { $0.newValue == "petr@later.example" })
        XCTAssertFalse(petr.contains { $0.newValue?.lowercased().contains("eva") == true }, "nothing of Eva's shows")
        let moved = try XCTUnwrap(database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT entity_id FROM journal WHERE new_value = 'eva@secret.example'")
        })
        XCTAssertGreaterThan(moved, reused)
        let eva = try journal.history(of: .contact, id: moved)
        XCTAssertEqual(eva.first?.action, .delete)
        XCTAssertTrue(eva.contains { $0.newValue == "Eva" } && eva.contains { $0.action == .create && $0.field == nil })
        XCTAssertThrowsError(try database.contacts(actingAs: alice).get(id: moved), "no contact has the fresh id")
        let evasType = try XCTUnwrap(eva.first { $0.field == "typeID" }?.newValue)
        XCTAssertFalse(try database.contactTypes(actingAs: alice).list().contains { String($0.id) == evasType },
                       "Eva's type was the deleted one, not Reseller, which now has its id")

        let contactOfDeals = try [earlyDeal, lateDeal].map { deal in
            try journal.history(of: .opportunity, id: deal).first { $0.field == "contactID" }?.newValue
        }
        XCTAssertEqual(contactOfDeals, [String(moved), String(reused)],
                       "the early deal names the deleted contact, the late one the contact that now has the id")

        var draft = ContactDraft(typeID: try XCTUnwrap(database.contactTypes(actingAs: alice).list().first).id)
        (draft.firstName, draft.lastName) = ("Ida", "Newest")
        let newest = try database.contacts(actingAs: alice).create(draft)
        XCTAssertGreaterThan(newest.id, moved, "the next id is above every id the journal mentions")
        XCTAssertEqual(try database.search(actingAs: alice).search("newest").map(\.id), [newest.id], "search follows new contacts")
        XCTAssertEqual(Set(try database.search(actingAs: alice).search("petr").map(\.title)), ["Petr Later", "Petr's pilot"])
    }

    /// Lead ids went back in use after a merge deleted the newest lead. The upgrade gives the
    /// merged-away lead a fresh id in the kept lead's history too, and rows that a later merge
    /// moved to the lead now holding the id stay with it, however early they were written.
    func testTheUpgradeFollowsMergedLeadHistories() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        let leads = fixture.db.leads(actingAs: fixture.alice)
        func merge(keep: Lead, remove: Lead) throws {
            let (keep, remove) = (try leads.get(id: keep.id), try leads.get(id: remove.id))
            _ = try leads.merge(keep: keep.id, remove: remove.id, choices: LeadMergeChoices(kept: keep.fields, removed: remove.fields),
                                expectedVersions: (keep.version, remove.version))
        }
        let ana = try leads.create(lead("Ana", "Kept"))
        let dan = try leads.create(lead("Dan", "Early"))
        let bea = try leads.create(lead("Bea", "Gone"))
        try merge(keep: ana, remove: bea)
        try fixture.db.writer.write { db in
            // What v21 did: the next lead takes the highest id plus one, the merged-away lead's.
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'leads'", arguments: [bea.id - 1])
        }
        let cid = try leads.create(lead("Cid", "Reused"))
        XCTAssertEqual(cid.id, bea.id)
        try merge(keep: cid, remove: dan)
        try fixture.db.writer.write { db in
            // A v21 file: v22 and the migrations after it run again (`Schema.migrate` goes by
            // `user_version`).
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE CAST(substr(identifier, 2, instr(identifier, '-') - 2) AS INTEGER) > 21")
            try db.execute(sql: "PRAGMA user_version = 21")
        }

        let database = try AppDatabase.open(path: path)
        let journal = database.journal(actingAs: fixture.alice)
        let cidHistory = try journal.history(of: .lead, id: cid.id)
        XCTAssertFalse(cidHistory.contains { $0.newValue?.contains("Bea") == true || $0.action == .delete }, "Bea's rows stay out")
        XCTAssertTrue(cidHistory.contains { $0.mergedFromID == dan.id && $0.newValue == "Dan" }, "Dan's merged rows stay")
        let anaHistory = try journal.history(of: .lead, id: ana.id)
        let beaRows = anaHistory.filter { $0.mergedFromID != nil }
        let fresh = try XCTUnwrap(beaRows.first?.mergedFromID)
        XCTAssertGreaterThan(fresh, cid.id)
        XCTAssertEqual(Set(beaRows.map(\.mergedFromID)), [fresh])
        XCTAssertTrue(beaRows.contains { $0.newValue == "Bea" })
        let marker = try XCTUnwrap(anaHistory.first { $0.field == "mergedFrom" }?.newValue)
        XCTAssertTrue(marker.hasPrefix("#\(fresh) "), marker)
        XCTAssertEqual(try journal.history(of: .lead, id: fresh).map(\.action), [.delete, .update])
        XCTAssertGreaterThan(try database.leads(actingAs: fixture.alice).create(lead("Eli", "Next")).id, fresh)
    }

    private func lead(_ first: String, _ last: String) -> LeadDraft {
        var draft = LeadDraft()
        draft.firstName = first
        draft.lastName = last
        draft.email = "\(first.lowercased())@\(last.lowercased()).example"
        return draft
    }
}
