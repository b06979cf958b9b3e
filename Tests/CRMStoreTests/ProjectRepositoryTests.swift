import CRMCore
import CRMStore
import XCTest

/// Projects in the store (PR-1): hierarchy rules, uniqueness, deletes, CRM scope, ST-7.
final class ProjectRepositoryTests: XCTestCase {
    private func makeTree(_ fixture: Fixture) throws -> (crm: Project, dach: Project, zurich: Project) {
        let projects = fixture.db.projects(actingAs: fixture.admin)
        var draft = ProjectDraft(name: "CRM", identifier: "crm")
        draft.crmEnabled = true
        let crm = try projects.create(draft)
        let dach = try projects.create(ProjectDraft(name: "CRM — DACH", identifier: "crm-dach", parentID: crm.id))
        let zurich = try projects.create(ProjectDraft(name: "Zürich", identifier: "crm-zurich", parentID: dach.id))
        return (crm, dach, zurich)
    }

    func testMovingAProjectUnderItsOwnSubprojectIsRefusedWithAClearMessage() throws {
        let fixture = try Fixture()
        let (crm, _, zurich) = try makeTree(fixture)
        var moved = crm.fields
        moved.parentID = zurich.id
        XCTAssertThrowsError(try fixture.db.projects(actingAs: fixture.admin).update(id: crm.id, with: moved, expectedVersion: 1)) { error in
            let problems = (error as? ValidationError)?.errors ?? []
            XCTAssertEqual(problems.map(\.field), ["parentID"])
            XCTAssertTrue(problems.first?.message.contains("“Zürich” is a subproject") ?? false, "\(problems)")
        }
        XCTAssertNil(try fixture.db.projects(actingAs: fixture.admin).get(id: crm.id).parentID)
    }

    func testTreeIsInDisplayOrderWithDepth() throws {
        let fixture = try Fixture()
        _ = try makeTree(fixture)
        _ = try fixture.db.projects(actingAs: fixture.admin).create(ProjectDraft(name: "Admin", identifier: "admin"))
        let lines = try fixture.db.projects(actingAs: fixture.admin).tree().map { "\($0.depth):\($0.project.identifier)" }
        XCTAssertEqual(lines, ["0:admin", "0:crm", "1:crm-dach", "2:crm-zurich"])
    }

    func testDuplicateIdentifierIsRefused() throws {
        let fixture = try Fixture()
        _ = try makeTree(fixture)
        XCTAssertThrowsError(try fixture.db.projects(actingAs: fixture.admin).create(ProjectDraft(name: "Other", identifier: "crm-dach"))) { error in
            XCTAssertTrue("\(error)".contains("already used by the project “CRM — DACH”"), "\(error)")
        }
    }

    func testDeleteIsRefusedWhileSubprojectsOrTasksRemain() throws {
        let fixture = try Fixture()
        let (_, dach, zurich) = try makeTree(fixture)
        let projects = fixture.db.projects(actingAs: fixture.admin)
        XCTAssertThrowsError(try projects.delete(id: dach.id, expectedVersion: dach.version)) { error in
            XCTAssertEqual("\(error)", "This project still has 1 subproject; move or delete them first.")
        }
        let task = try fixture.db.tasks(actingAs: fixture.alice).create(TaskDraft(subject: "Kick-off", projectID: zurich.id))
        XCTAssertThrowsError(try projects.delete(id: zurich.id, expectedVersion: zurich.version)) { error in
            XCTAssertTrue("\(error)".contains("1 task"), "\(error)")
        }
        try fixture.db.tasks(actingAs: fixture.alice).delete(id: task.id, expectedVersion: task.version)
        try projects.delete(id: zurich.id, expectedVersion: zurich.version)
        XCTAssertThrowsError(try projects.get(id: zurich.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
    }

    func testStaleEditIsRefusedWithTheFreshProject() throws {
        let fixture = try Fixture()
        let (_, dach, _) = try makeTree(fixture)
        var renamed = dach.fields
        renamed.name = "DACH region"
        _ = try fixture.db.projects(actingAs: fixture.bob).update(id: dach.id, with: renamed, expectedVersion: 1)
        renamed.name = "Germany"
        XCTAssertThrowsError(try fixture.db.projects(actingAs: fixture.alice).update(id: dach.id, with: renamed, expectedVersion: 1)) { error in
            XCTAssertEqual((error as? StaleRecordError<Project>)?.fresh.name, "DACH region")
        }
    }

    func testCRMScopeCoversSubprojectsOnlyWhenTheProjectSaysSo() throws {
        let fixture = try Fixture()
        let (crm, dach, zurich) = try makeTree(fixture)
        let projects = fixture.db.projects(actingAs: fixture.admin)
        XCTAssertEqual(Set(try projects.crmScope(of: crm.id).projectIDs), [crm.id, dach.id, zurich.id])
        var alone = crm.fields
        alone.includeSubprojects = false
        _ = try projects.update(id: crm.id, with: alone, expectedVersion: crm.version)
        let scope = try projects.crmScope(of: crm.id)
        XCTAssertEqual(scope.projectIDs, [crm.id])
        XCTAssertEqual(scope.opportunityView, .ofProject(crm.id, withSubprojects: false))
        XCTAssertThrowsError(try projects.crmScope(of: dach.id)) { error in
            XCTAssertTrue("\(error)".contains("CRM is not enabled"), "\(error)")
        }
        XCTAssertEqual(try projects.subtreeIDs(of: dach.id), [dach.id, zurich.id])
    }
}
