import CRMCore
@testable import CRMStore
import Foundation
import XCTest

/// The demo projects and tasks (PR-1, PR-2), loaded into a small database.
final class DemoProjectsTests: XCTestCase {
    private let reference = Date(timeIntervalSince1970: 1_748_736_000)

    private func load(seed: UInt64) throws -> (Fixture, [Int64]) {
        let fixture = try Fixture()
        let repo = fixture.db.accounts(actingAs: fixture.alice)
        let accounts = try ["Acme", "Globex", "Initech", "Umbrella"].map { name in
            let account = try repo.create(fixture.company(name))
            return DemoRecordMaker.AccountSummary(
                id: account.id, locale: DemoLocale.all[0], mailDomain: "example.com", isPrivate: false,
                creatorID: fixture.alice.id, displayName: account.displayName)
        }
        let regions = try fixture.db.write { db in
            let regions = try DemoProjects.insertProjects(db, at: reference)
            var random = SplitMix64(seed: seed)
            try DemoProjects.insertTasks(
                db, random: &random, accounts: accounts, opportunities: [], users: [fixture.alice.id, fixture.bob.id],
                projects: regions, count: 60, reference: reference)
            return regions
        }
        return (fixture, regions)
    }

    func testCRMProjectHasCRMEnabledAndRegionSubprojects() throws {
        let (fixture, regions) = try load(seed: 1)
        let tree = try fixture.db.projects(actingAs: fixture.admin).tree()
        XCTAssertEqual(tree.first?.project.name, "CRM")
        XCTAssertEqual(tree.first?.project.crmEnabled, true)
        XCTAssertEqual(tree.dropFirst().map(\.depth), Array(repeating: 1, count: regions.count))
        XCTAssertTrue(tree.contains { $0.project.name == "CRM — DACH" })
        let scope = try fixture.db.projects(actingAs: fixture.admin).crmScope(of: try XCTUnwrap(tree.first).project.id)
        XCTAssertEqual(scope.projectIDs.count, 1 + regions.count)
    }

    func testTasksAreDeterministicSearchableAndHaveTheirFirstAccountAsPrimary() throws {
        let (fixture, _) = try load(seed: 7)
        let tasks = fixture.db.tasks(actingAs: fixture.alice)
        let all = try tasks.page(TaskQuery(sort: .subject), .first, limit: 100)
        XCTAssertEqual(all.count, 60)
        XCTAssertEqual(all.map(\.subject), all.map(\.subject).sorted { SearchText.fold($0) < SearchText.fold($1) })
        for task in all.prefix(20) {
            let links = try tasks.relatedAccounts(of: task.id)
            XCTAssertEqual(task.primaryAccountID, links.first?.accountID)
            XCTAssertEqual(links.filter(\.isPrimary).count, links.isEmpty ? 0 : 1)
        }
        let quoted = try tasks.page(TaskQuery(filter: "quote", sort: .subject), .first, limit: 100)
        XCTAssertFalse(quoted.isEmpty)
        XCTAssertTrue(quoted.allSatisfy { $0.subject.contains("quote") })
        XCTAssertEqual(try tasks.count(TaskQuery(filter: "quote")).value, quoted.count)
        let (again, _) = try load(seed: 7)
        XCTAssertEqual(try again.db.tasks(actingAs: again.alice).page(TaskQuery(sort: .subject), .first, limit: 100).map(\.subject),
                       all.map(\.subject))
        // A task saved through the app after the load finds its place among the demo ranks.
        let later = try tasks.create(TaskDraft(subject: "Aaa first", projectID: all[0].projectID))
        XCTAssertEqual(try tasks.page(TaskQuery(filter: "aaa", sort: .subject), .first, limit: 1).map(\.id), [later.id])
    }
}
