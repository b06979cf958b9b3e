import CRMCore
import Foundation
import XCTest

/// The project tree (PR-1): display order, subtrees, cycles refused, identifiers.
final class ProjectHierarchyTests: XCTestCase {
    private func project(_ id: Int64, _ name: String, parent: Int64? = nil) -> Project {
        Project(id: id, fields: ProjectDraft(name: name, identifier: "p\(id)", parentID: parent),
                createdAt: Date(), updatedAt: Date(), version: 1)
    }

    private var tree: ProjectHierarchy {
        ProjectHierarchy([
            project(1, "CRM"), project(2, "Support"), project(3, "CRM — DACH", parent: 1),
            project(4, "CRM — Benelux", parent: 1), project(5, "Zürich", parent: 3),
        ])
    }

    func testEntriesListParentsBeforeSubprojectsWithDepthAndSiblingsByName() {
        let lines = tree.entries.map { "\($0.depth) \($0.project.name)" }
        XCTAssertEqual(lines, ["0 CRM", "1 CRM — Benelux", "1 CRM — DACH", "2 Zürich", "0 Support"])
    }

    func testSubtreeHoldsTheProjectAndAllItsDescendants() {
        XCTAssertEqual(Set(tree.subtreeIDs(of: 1)), [1, 3, 4, 5])
        XCTAssertEqual(tree.subtreeIDs(of: 5), [5])
    }

    func testAParentThatIsTheProjectOrItsDescendantIsRefused() {
        XCTAssertEqual(tree.parentProblem(for: 1, parentID: 1)?.message, "A project cannot be its own parent.")
        let cycle = tree.parentProblem(for: 1, parentID: 5)
        XCTAssertEqual(cycle?.field, "parentID")
        XCTAssertTrue(cycle?.message.contains("would create a cycle") ?? false, "\(String(describing: cycle))")
        XCTAssertNil(tree.parentProblem(for: 5, parentID: 4), "moving a subproject under a sibling is fine")
        XCTAssertNil(tree.parentProblem(for: nil, parentID: 5))
        XCTAssertEqual(tree.parentProblem(for: 2, parentID: 42)?.message, "Choose an existing parent project.")
    }

    func testIdentifierAllowsOnlyLowerCaseLettersDigitsAndHyphens() {
        XCTAssertEqual(ProjectDraft(name: "CRM", identifier: "crm-dach-2").validate(), [])
        XCTAssertEqual(ProjectDraft(name: "CRM", identifier: "CRM_dach").validate().map(\.field), ["identifier"])
        XCTAssertEqual(ProjectDraft(name: " ", identifier: "").validate().map(\.field), ["name", "identifier"])
    }
}
