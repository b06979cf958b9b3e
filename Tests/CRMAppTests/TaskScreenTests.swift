import CRMCore
@testable import CRMApp
import CRMStore
import TerminalUITesting
import XCTest

/// The Tasks section (PR-1, PR-2) on the virtual terminal: snapshots and a workflow.
final class TaskScreenTests: XCTestCase {
    func testGroupedTaskListAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24, pipeline: false)
        try TaskScenario.seed(harness)
        try harness.press("g k b")
        assertSnapshot(harness.lines, named: "tasks-grouped-80x24")
    }

    func testGroupedTaskListAt120x40() throws {
        let harness = try AppHarness(columns: 120, rows: 40, pipeline: false)
        try TaskScenario.seed(harness)
        try harness.press("g k b")
        assertSnapshot(harness.lines, named: "tasks-grouped-120x40")
    }

    func testProjectTreeAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
            try TaskScenario.seed(harness)
            try harness.press("g k Tab Tab")
            assertSnapshot(harness.lines, named: "projects-tree-\(columns)x\(rows)")
        }
    }

    func testCursorStepsOverGroupHeadersInBothDirections() throws {
        let harness = try AppHarness(columns: 120, rows: 40, pipeline: false)
        try TaskScenario.seed(harness)
        try harness.press("g k b")
        var seen: [String] = []
        for _ in 0..<8 {
            seen.append(try XCTUnwrap(selectedSubject(harness)))
            try harness.press("j")
        }
        XCTAssertEqual(Array(seen.prefix(6)).count, Set(seen.prefix(6)).count, "six tasks, each visited once: \(seen)")
        XCTAssertEqual(seen[6], seen[5], "the cursor stops at the last task")
        try harness.press("k k k k k k k")
        XCTAssertEqual(selectedSubject(harness), seen[0], "back up to the first task, never on a header")
        XCTAssertTrue(harness.screen.contains("6 tasks") && !harness.screen.contains("of 6 tasks"), "no row number while grouped")
    }

    func testProjectCRMViewShowsOnlyThatProjectsTasks() throws {
        let harness = try AppHarness(columns: 120, rows: 40, pipeline: false)
        try TaskScenario.seed(harness)
        // Projects tab: CRM — Benelux, CRM — DACH, … under CRM; the DACH view shows its two tasks.
        try harness.press("g k Tab Tab j j Enter Tab")
        harness.assertShows("Tasks › Projects › CRM — DACH")
        harness.assertShows("Send the quote")
        harness.assertShows("Prepare the demo")
        harness.assertHides("Call about the renewal")
        harness.assertShows("2 tasks")
        try harness.press("Esc k")
        try harness.press("Enter")
        XCTAssertTrue(harness.statusLine.contains("CRM is not enabled for “CRM — Benelux”"), harness.statusLine)
        try harness.press("k Enter Tab")
        harness.assertShows("CRM (with subprojects)")
        harness.assertShows("6 tasks")
    }

    func testCreateTaskRelateTwoAccountsMakeTheSecondPrimaryAndGroupUnderIt() throws {
        let harness = try AppHarness(columns: 120, rows: 40, pipeline: false)
        let seeded = try TaskScenario.seed(harness)
        let accounts = harness.database.accounts(actingAs: harness.user)
        var zebra = AccountDraft(typeID: seeded.accounts[0].typeID)
        zebra.name = "Zebrafish Logistics GmbH"
        _ = try accounts.create(zebra)
        var aurora = zebra
        aurora.name = "Aurorabay Shipping AG"
        let second = try accounts.create(aurora)

        // New task: subject, then Tab to the related account picker (Status, Assignee, Due, Project).
        try harness.press("g k n")
        harness.type("Workflow check")
        try harness.press("Tab Tab Tab Tab Tab")
        harness.type("zebrafish")
        try harness.press("Enter C-s")
        harness.assertShows("Created “Workflow check”")

        try harness.press("/")
        harness.type("workflow")
        try harness.press("Enter Enter Tab")
        harness.assertShows("Tasks › Workflow check")
        try harness.press("r")
        harness.type("aurorabay")
        try harness.press("Enter")
        harness.assertShows("Related “Aurorabay Shipping AG”")
        try harness.press("j p")
        harness.assertShows("“Aurorabay Shipping AG” is now the primary account")
        let primaryLine = try XCTUnwrap(harness.lines.first { $0.contains("Aurorabay Shipping AG") })
        XCTAssertTrue(primaryLine.contains("★ primary"), primaryLine)
        XCTAssertFalse(try XCTUnwrap(harness.lines.first { $0.contains("Zebrafish") }).contains("primary"))
        // The History tab names the accounts, not their ids.
        try harness.press("Tab")
        let primary = try XCTUnwrap(harness.lines.first { $0.contains(" admin ") && $0.contains("Primary account") },
                                    harness.screen)
        XCTAssertTrue(primary.contains("Zebrafish") && primary.contains("Aurorabay"), primary)
        XCTAssertTrue(harness.lines.contains { $0.contains("Related account") && $0.contains("Aurorabay") }, harness.screen)

        try harness.press("Esc b")
        let lines = harness.lines
        let header = try XCTUnwrap(lines.firstIndex { $0.contains("▾ Aurorabay Shipping AG") }, harness.screen)
        XCTAssertTrue(lines[header + 1].contains("Workflow check"), harness.screen)
        let task = try XCTUnwrap(harness.database.tasks(actingAs: harness.user).page(TaskQuery(filter: "workflow"), .first, limit: 1).first)
        XCTAssertEqual(task.primaryAccountID, second.id)
    }

    private func selectedSubject(_ harness: AppHarness) -> String? {
        guard let screen = harness.app.currentScreen as? TasksHomeScreen else { return nil }
        return screen.selectedTask?.subject
    }
}
