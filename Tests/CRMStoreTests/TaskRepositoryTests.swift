import CRMCore
@testable import CRMStore
import XCTest

/// Tasks in the store (PR-2): privacy, ST-7, journaled links, primary accounts, grouped order,
/// project subtrees.
final class TaskRepositoryTests: XCTestCase {
    private struct World {
        let fixture: Fixture
        let crm: Project
        let dach: Project
        var tasks: TaskRepository { fixture.db.tasks(actingAs: fixture.alice) }

        init() throws {
            fixture = try Fixture()
            let projects = fixture.db.projects(actingAs: fixture.admin)
            crm = try projects.create(ProjectDraft(name: "CRM", identifier: "crm"))
            dach = try projects.create(ProjectDraft(name: "CRM — DACH", identifier: "crm-dach", parentID: crm.id))
        }

        func account(_ name: String, by user: User? = nil, isPrivate: Bool = false) throws -> Account {
            var draft = fixture.company(name)
            draft.isPrivate = isPrivate
            return try fixture.db.accounts(actingAs: user ?? fixture.alice).create(draft)
        }

        func task(_ subject: String, due: String? = nil, project: Project? = nil, assignee: User? = nil,
                  accounts: [Account] = []) throws -> TaskRecord {
            var draft = TaskDraft(subject: subject, projectID: (project ?? crm).id)
            draft.dueDate = due.flatMap(CalendarDate.init(parsing:))
            draft.assigneeID = assignee?.id
            return try tasks.create(draft, relatedTo: accounts.map { .account($0.id) })
        }
    }

    func testTasksOfAPrivateAccountAreInvisibleToOthers() throws {
        let world = try World()
        let secret = try world.account("Secret GmbH", isPrivate: true)
        let hidden = try world.task("Call Secret", accounts: [secret])
        let open = try world.task("Call everyone")
        let bobTasks = world.fixture.db.tasks(actingAs: world.fixture.bob)
        XCTAssertThrowsError(try bobTasks.get(id: hidden.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
        XCTAssertEqual(try bobTasks.page(TaskQuery(), .first, limit: 10).map(\.id), [open.id])
        XCTAssertEqual(try bobTasks.count(TaskQuery()).value, 1)
        XCTAssertEqual(try bobTasks.page(TaskQuery(filter: "secret"), .first, limit: 10), [])
        XCTAssertThrowsError(try world.fixture.db.journal(actingAs: world.fixture.bob).history(of: .task, id: hidden.id))
        XCTAssertThrowsError(try bobTasks.update(id: hidden.id, with: hidden.fields, expectedVersion: hidden.version)) {
            XCTAssertTrue($0 is RecordNotFoundError)
        }
        XCTAssertEqual(Set(try world.tasks.page(TaskQuery(), .first, limit: 10).map(\.id)), [hidden.id, open.id])
    }

    func testStaleEditIsRefusedWithTheFreshTask() throws {
        let world = try World()
        let task = try world.task("Send offer")
        var mine = task.fields
        mine.status = .done
        _ = try world.fixture.db.tasks(actingAs: world.fixture.bob).update(id: task.id, with: mine, expectedVersion: task.version)
        mine.subject = "Send the offer"
        XCTAssertThrowsError(try world.tasks.update(id: task.id, with: mine, expectedVersion: task.version)) { error in
            XCTAssertEqual((error as? StaleRecordError<TaskRecord>)?.fresh.status, .done)
        }
        let acme = try world.account("Acme")
        XCTAssertThrowsError(try world.tasks.relateAccount(taskID: task.id, accountID: acme.id, expectedVersion: task.version)) {
            XCTAssertTrue($0 is StaleRecordError<TaskRecord>)
        }
    }

    func testRelationsAndPrimaryChangesAreJournaled() throws {
        let world = try World()
        let acme = try world.account("Acme")
        let globex = try world.account("Globex")
        var task = try world.task("Renewal", accounts: [acme])
        XCTAssertEqual(task.primaryAccountName, "Acme")
        task = try world.tasks.relateAccount(taskID: task.id, accountID: globex.id, expectedVersion: task.version)
        XCTAssertEqual(task.primaryAccountID, acme.id, "relating more keeps the primary")
        task = try world.tasks.makePrimary(taskID: task.id, accountID: globex.id, expectedVersion: task.version)
        XCTAssertEqual(task.primaryAccountName, "Globex")
        task = try world.tasks.unrelateAccount(taskID: task.id, accountID: globex.id, expectedVersion: task.version)
        XCTAssertEqual(task.primaryAccountID, acme.id, "removing the primary promotes the next related account")
        let history = try world.fixture.db.journal(actingAs: world.fixture.alice).history(of: .task, id: task.id)
        let links = history.reversed().filter { $0.action == .update }.map { "\($0.field ?? ""):\($0.oldValue ?? "")→\($0.newValue ?? "")" }
        XCTAssertEqual(links, [
            "relatedAccount:→\(acme.id)", "primaryAccountID:→\(acme.id)",
            "relatedAccount:→\(globex.id)",
            "primaryAccountID:\(acme.id)→\(globex.id)",
            "primaryAccountID:\(globex.id)→\(acme.id)", "relatedAccount:\(globex.id)→",
        ])
        XCTAssertEqual(try world.tasks.relatedAccounts(of: task.id).map(\.name), ["Acme"])
    }

    func testGroupedOrderKeepsEachAccountsTasksTogetherAcrossKeysetPages() throws {
        let world = try World()
        let zeta = try world.account("Zeta")
        let acme = try world.account("Acme")
        let acmeTwin = try world.account("Acme")
        let late = try world.task("Late", due: "2026-03-01", accounts: [acme])
        let none = try world.task("Loose end", due: "2026-01-01")
        let zetaTask = try world.task("Zeta call", due: "2026-01-15", accounts: [zeta])
        let twin = try world.task("Twin", due: "2026-01-10", accounts: [acmeTwin])
        let early = try world.task("Early", due: "2026-02-01", accounts: [acme])
        let query = TaskQuery(sort: .primaryAccount)
        let expected = [early.id, late.id, twin.id, zetaTask.id, none.id]
        XCTAssertEqual(try world.tasks.page(query, .first, limit: 10).map(\.id), expected)
        var walked: [TaskRecord] = try world.tasks.page(query, .first, limit: 2)
        while let last = walked.last, case let more = try world.tasks.page(query, .after(query.cursor(for: last)), limit: 2), !more.isEmpty {
            walked += more
        }
        XCTAssertEqual(walked.map(\.id), expected)
        let backwards = try world.tasks.page(query, .before(query.cursor(for: walked[3])), limit: 2)
        XCTAssertEqual(backwards.map(\.id), [late.id, twin.id])
        _ = try world.fixture.db.accounts(actingAs: world.fixture.alice).update(
            id: zeta.id, with: world.fixture.company("Aardvark"), expectedVersion: zeta.version)
        XCTAssertEqual(try world.tasks.page(query, .first, limit: 1).map(\.id), [zetaTask.id],
                       "a renamed account moves its tasks' group")
        XCTAssertEqual(try world.tasks.get(id: zetaTask.id).primaryAccountName, "Aardvark")
    }

    func testDeletingThePrimaryAccountPromotesTheNextRelatedOne() throws {
        let world = try World()
        let acme = try world.account("Acme")
        let globex = try world.account("Globex")
        let task = try world.task("Renewal", accounts: [acme, globex])
        try world.fixture.db.accounts(actingAs: world.fixture.alice).delete(id: acme.id, expectedVersion: acme.version)
        let after = try world.tasks.get(id: task.id)
        XCTAssertEqual(after.primaryAccountID, globex.id)
        XCTAssertEqual(after.primaryAccountName, "Globex")
        try world.fixture.db.accounts(actingAs: world.fixture.alice).delete(id: globex.id, expectedVersion: globex.version)
        let bare = try world.tasks.get(id: task.id)
        XCTAssertNil(bare.primaryAccountID)
        XCTAssertEqual(bare.sortAccount, TaskRecord.noAccountKey)
    }

    func testProjectViewsCoverSubprojectsOnlyWhenAsked() throws {
        let world = try World()
        let top = try world.task("Plan year", project: world.crm)
        let region = try world.task("Visit Munich", project: world.dach)
        let subtree = TaskQuery(view: .ofProject(world.crm.id, withSubprojects: true), sort: .subject)
        XCTAssertEqual(try world.tasks.page(subtree, .first, limit: 10).map(\.id), [top.id, region.id])
        let alone = TaskQuery(view: .ofProject(world.crm.id, withSubprojects: false))
        XCTAssertEqual(try world.tasks.page(alone, .first, limit: 10).map(\.id), [top.id])
        XCTAssertEqual(try world.tasks.count(TaskQuery(view: .ofProject(world.dach.id, withSubprojects: true))).value, 1)
    }

    func testViewsOfAccountOpportunityAndAssigneeAndTheQuickFilter() throws {
        let world = try World()
        let acme = try world.account("Acme")
        let status = try XCTUnwrap(world.fixture.db.opportunityStatuses(actingAs: world.fixture.admin).list().first)
        let deal = try world.fixture.db.opportunities(actingAs: world.fixture.alice).create(OpportunityDraft(name: "Deal", statusID: status.id))
        let ofAcme = try world.task("Prepare demo", accounts: [acme])
        var ofDeal = try world.task("Price check", assignee: world.fixture.alice)
        ofDeal = try world.tasks.relateOpportunity(taskID: ofDeal.id, opportunityID: deal.id, expectedVersion: ofDeal.version)
        XCTAssertThrowsError(try world.tasks.relateOpportunity(taskID: ofDeal.id, opportunityID: deal.id, expectedVersion: ofDeal.version))
        XCTAssertEqual(try world.tasks.page(TaskQuery(view: .ofAccount(acme.id)), .first, limit: 10).map(\.id), [ofAcme.id])
        XCTAssertEqual(try world.tasks.page(TaskQuery(view: .ofOpportunity(deal.id)), .first, limit: 10).map(\.id), [ofDeal.id])
        XCTAssertEqual(try world.tasks.page(TaskQuery(view: .mine), .first, limit: 10).map(\.id), [ofDeal.id])
        XCTAssertEqual(try world.tasks.relatedOpportunities(of: ofDeal.id).map(\.name), ["Deal"])
        XCTAssertEqual(try world.tasks.page(TaskQuery(filter: "prep"), .first, limit: 10).map(\.id), [ofAcme.id])
        XCTAssertEqual(try world.tasks.page(TaskQuery(filter: "prep", sort: .due), .first, limit: 10).map(\.id), [ofAcme.id])
    }

    func testMissingProjectIsReportedOnItsField() throws {
        let world = try World()
        XCTAssertThrowsError(try world.tasks.create(TaskDraft(subject: "Orphan", projectID: 999))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["projectID"])
        }
        XCTAssertEqual(try world.tasks.count(TaskQuery()).value, 0)
    }
}
