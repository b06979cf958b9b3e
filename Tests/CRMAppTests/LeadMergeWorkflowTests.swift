import CRMApp
import CRMCore
import CRMStore
import TerminalUITesting
import XCTest

/// The duplicate merge screen (LP-7), driven by keys from a lead flagged ≈ in the lead list.
final class LeadMergeWorkflowTests: XCTestCase {
    private struct Leads {
        let original: Lead
        let duplicate: Lead
        let third: Lead
    }

    /// An original, a duplicate sharing its e-mail, and a third lead sharing the duplicate's phone.
    private func plant(_ harness: AppHarness) throws -> Leads {
        let leads = harness.database.leads(actingAs: harness.user)
        var first = LeadDraft()
        (first.firstName, first.lastName, first.company) = ("Ana", "Novak", "Kestrel Ltd")
        (first.email, first.source) = ("ana@kestrel.example", "web form")
        var second = LeadDraft()
        (second.firstName, second.lastName, second.jobTitle) = ("Anna", "Novak", "Buyer")
        (second.email, second.phone, second.source) = ("ANA@kestrel.example", "+420 601 234 567", "trade fair")
        second.description = "Met at the fair\u{1B}[31m in red"
        var third = LeadDraft()
        (third.firstName, third.lastName, third.phone) = ("Petr", "Dvorak", "+420601234567")
        return Leads(original: try leads.create(first), duplicate: try leads.create(second), third: try leads.create(third))
    }

    private func openMerge(_ harness: AppHarness) throws {
        try harness.press("g l /")
        harness.type("Anna")
        try harness.press("Enter M")
    }

    func testMergeFromTheDuplicateTakingTwoFieldsFromIt() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let planted = try plant(harness)
        try openMerge(harness)
        harness.assertShows("Matched on e-mail")
        harness.assertShows("This lead #\(planted.duplicate.id)")
        harness.assertShows("Original #\(planted.original.id) (kept)")
        try harness.press("h j j j j j h")
        try harness.press("Enter")
        harness.assertShows("Merge “Anna Novak” #\(planted.duplicate.id) into “Ana Novak” #\(planted.original.id)?")
        harness.assertShows("1 linked duplicate will move to “Ana Novak”")
        try harness.press("y")
        harness.assertShows("Merged into “Anna Novak”")
        harness.assertHides("Merge “")
        let leads = harness.database.leads(actingAs: harness.user)
        let kept = try leads.get(id: planted.original.id)
        XCTAssertEqual(kept.firstName, "Anna", "taken from the left")
        XCTAssertEqual(kept.source, "trade fair", "taken from the left")
        XCTAssertEqual(kept.email, "ana@kestrel.example", "the kept value by default")
        XCTAssertEqual(kept.phone, "+420 601 234 567", "the kept lead had none")
        XCTAssertThrowsError(try leads.get(id: planted.duplicate.id))
        XCTAssertEqual(try leads.get(id: planted.third.id).duplicateOfID, planted.original.id)
    }

    func testEscLeavesBothLeadsUnchanged() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let planted = try plant(harness)
        try openMerge(harness)
        try harness.press("h Esc")
        harness.assertShows("Leads › Open")
        let leads = harness.database.leads(actingAs: harness.user)
        XCTAssertEqual(try leads.get(id: planted.original.id), planted.original)
        XCTAssertEqual(try leads.get(id: planted.duplicate.id), planted.duplicate)
    }

    func testAChangeByAnotherUserIsRefusedAndTheScreenShowsItKeepingTheChoices() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let planted = try plant(harness)
        try openMerge(harness)
        try harness.press("h")
        let bob = try XCTUnwrap(harness.database.users.list().first { $0.id != harness.user.id })
        var edited = planted.duplicate.fields
        edited.jobTitle = "Head of buying"
        _ = try harness.database.leads(actingAs: bob).update(id: planted.duplicate.id, with: edited,
                                                             expectedVersion: planted.duplicate.version)
        try harness.press("Enter y")
        harness.assertShows("Could not merge")
        harness.assertShows("Head of buying")
        harness.assertShows("● Anna")
        XCTAssertNoThrow(try harness.database.leads(actingAs: harness.user).get(id: planted.duplicate.id))
    }

    func testAt80x24TheRowsScrollToTheCursor() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        let leads = harness.database.leads(actingAs: harness.user)
        let paths: [WritableKeyPath<LeadDraft, String>] = [
            \.firstName, \.lastName, \.company, \.jobTitle, \.phone, \.mobile, \.website, \.country, \.source,
            \.utmSource, \.utmMedium, \.utmCampaign, \.utmContent,
        ]
        var draft = LeadDraft()
        for (index, path) in paths.enumerated() { draft[keyPath: path] = "value \(index)" }
        draft.phone = "+420 601 000 001"
        draft.email = "same@kestrel.example"
        draft.description = "first"
        (draft.score, draft.priority, draft.tags) = (10, .high, ["fair"])
        draft.value = Money(minorUnits: 100_00, try Currency(code: "EUR"))
        _ = try leads.create(draft)
        var other = LeadDraft()
        for (index, path) in paths.enumerated() { other[keyPath: path] = "other \(index)" }
        other.phone = "+420 601 000 002"
        other.email = "same@kestrel.example"
        other.description = "second"
        (other.score, other.priority, other.tags) = (20, .low, ["web"])
        let duplicate = try leads.create(other)
        XCTAssertEqual(duplicate.duplicateOfID, duplicate.id - 1)
        try harness.press("g l M")
        harness.assertShows("First name")
        for _ in 0..<30 { try harness.press("j") }
        harness.assertShows("Description")
        harness.assertShows("Field 18/18")
        harness.assertHides("First name")
        try harness.press("h")
        harness.assertShows("● second")
    }

    func testSnapshots() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try AppHarness(columns: columns, rows: rows)
            _ = try plant(harness)
            try openMerge(harness)
            try harness.press("h j j l")
            assertSnapshot(harness.lines, named: "lead-merge-\(columns)x\(rows)")
        }
    }
}
