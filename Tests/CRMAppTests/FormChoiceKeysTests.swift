import CRMApp
import CRMCore
import XCTest

/// Letters typed on a choice field pick a choice; they never run the screen's shortcuts.
final class FormChoiceKeysTests: XCTestCase {
    func testALetterPicksTheNextChoiceStartingWithItAndRunsNoShortcut() throws {
        let harness = try AppHarness(columns: 120, rows: 30, pipeline: false)
        try harness.press("g l 8 Tab Tab Tab n")
        harness.assertShows("Leads › Splitter › New filter")
        try harness.press("Tab Tab")
        harness.type("e")
        harness.assertShows("‹ Eva Králová ›")
        harness.type("a")  // `a` opens the sidebar's actions anywhere else
        harness.assertShows("‹ Administrator ›")
        harness.type("j")
        harness.assertShows("‹ Jan Novák ›")
    }
}
