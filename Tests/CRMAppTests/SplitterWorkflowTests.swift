import CRMApp
import CRMCore
import CRMStore
import TerminalUITesting
import XCTest

/// Splitter control (LD-3, LP-6) driven by keys: a filter made in the form with its errors in
/// place, run, the unprocessed leads, delete; snapshots at 80x24 and 120x40.
final class SplitterWorkflowTests: XCTestCase {
    private func harness(columns: Int, rows: Int) throws -> AppHarness {
        // Without the demo's pipeline and leads: the three leads below are all there is.
        let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
        let leads = harness.database.leads(actingAs: harness.user)
        for (company, country) in [("Berlin GmbH", "DE"), ("Wien AG", "AT"), ("Paris SA", "FR")] {
            var draft = LeadDraft()
            draft.company = company
            draft.country = country
            _ = try leads.create(draft)
        }
        try harness.press("g l :")
        harness.type("splitter control")
        try harness.press("Enter")
        return harness
    }

    /// Chooses the `steps`-th user of the select (Space moves to the next choice).
    private func chooseUser(_ harness: AppHarness, steps: Int) {
        for _ in 0..<steps { harness.type(" ") }
    }

    private func makeFilter(_ harness: AppHarness, percents: (String, String)) throws {
        try harness.press("n")
        harness.type("Big DACH deals")
        try harness.press("Tab")
        harness.type("country:de,at")
        try harness.press("Tab")
        chooseUser(harness, steps: 2)
        try harness.press("Tab")
        harness.type(percents.0)
        try harness.press("Tab")
        chooseUser(harness, steps: 3)
        try harness.press("Tab")
        harness.type(percents.1)
        try harness.press("F2")
    }

    func testAFilterIsMadeWithErrorsInPlaceThenRunAndTheRestListedAsUnprocessed() throws {
        let harness = try harness(columns: 120, rows: 40)
        harness.assertShows("No splitter filters yet")
        harness.assertShows("Unprocessed leads: 3")
        try harness.press("n Tab")
        harness.type("country:de scor>5")
        harness.assertShows("✗ Unknown field \"scor\" (did you mean score?) at 12–15")
        try harness.press("Esc")
        try harness.press("y")
        try makeFilter(harness, percents: ("50", "40"))
        harness.assertShows("✗ The shares add up to 90%; they must add up to 100%.")
        try harness.press("Backspace Backspace")
        harness.type("50")
        try harness.press("F2")
        harness.assertShows("Created the splitter filter “Big DACH deals”")
        harness.assertShows("never")
        try harness.press("R")
        harness.assertShows("Processed 2 leads; 1 unprocessed")
        assertSnapshot(harness.lines, named: "splitter-control-120x40")
        let splitter = harness.database.leadSplitter(actingAs: harness.user)
        let filter = try XCTUnwrap(splitter.list().first)
        XCTAssertEqual(filter.leads.value, 2)
        XCTAssertEqual(filter.filter.fields.shares.map(\.percent).sorted(), [50, 50])
        try harness.press("U")
        harness.assertShows("Leads › Splitter control › Unprocessed")
        harness.assertShows("Paris SA")
        harness.assertHides("Berlin GmbH")
    }

    func testDeletingAFilterAsksFirstAndHandsItsLeadsBack() throws {
        let harness = try harness(columns: 80, rows: 24)
        try makeFilter(harness, percents: ("30", "70"))
        try harness.press("R")
        harness.assertShows("Processed 2 leads")
        assertSnapshot(harness.lines, named: "splitter-control-80x24")
        try harness.press("D")
        harness.assertShows("Delete the splitter filter “Big DACH deals”?")
        try harness.press("y")
        harness.assertShows("No splitter filters yet")
        harness.assertShows("Unprocessed leads: 3")
    }

    func testTheLeadListOffersASharesColumnHiddenByDefault() throws {
        let harness = try harness(columns: 160, rows: 40)
        try makeFilter(harness, percents: ("30", "70"))
        try harness.press("R 1")
        harness.assertShows("Leads › Open")
        harness.assertHides("Shares")
        try harness.press("C")
        harness.assertShows("[ ] Shares")
        try harness.press("j j j j j j j j Enter Esc")
        harness.assertShows("Shares")
        harness.assertShows("Jan Novák 70%, Eva…")
    }
}
