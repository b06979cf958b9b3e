import CRMApp
import CRMCore
import CRMStore
import XCTest

/// Every screen declares what it does as one list of commands (`Screen.commands`), from which
/// its keys, sidebar, context menu, palette and help are derived. This walks the app to each
/// screen and tab and holds those lists to the registry: every declared id is registered (so it
/// has a title, and keymaps can bind it), and a key on a command that cannot run says why.
final class ScreenCommandsTests: XCTestCase {
    /// A place in the app: the keys that lead there and the screen type expected on arrival.
    private struct Route {
        let keys: [String]
        let screen: String
        init(_ screen: String, _ keys: String...) {
            self.keys = keys
            self.screen = screen
        }
    }

    /// The routes share one database and the commands run on them change it (`X` archives the
    /// top lead), so the merge screen, which needs the planted duplicates open, comes first.
    private let routes: [Route] = [
        Route("LeadMergeScreen", "g l /", "=Twin", "Enter M"),
        Route("LeadListScreen", "g l"),
        Route("LeadIntradayScreen", "g l 8"),
        Route("LeadFiguresScreen", "g l 0"),
        Route("SplitterControlScreen", "g l 0 Tab"),
        Route("UnprocessedLeadsScreen", "g l 0 Tab U"),
        Route("LeadDetailScreen", "g l Enter"),
        Route("LeadDetailScreen", "g l Enter Tab"),
        Route("LeadDetailScreen", "g l Enter Tab Tab"),
        Route("BoardScreen", "g o"),
        Route("OpportunityListScreen", "g o Tab"),
        Route("OpportunityDetailScreen", "g o Tab Enter"),
        Route("OpportunityDetailScreen", "g o Tab Enter Tab"),
        Route("OpportunityDetailScreen", "g o Tab Enter Tab Tab"),
        Route("AccountListScreen", "g a"),
        Route("AccountDetailScreen", "g a Enter"),
        Route("AccountDetailScreen", "g a Enter Tab"),
        Route("AccountDetailScreen", "g a Enter Tab Tab"),
        Route("AccountDetailScreen", "g a Enter Tab Tab Tab"),
        Route("SavedFiltersScreen", "g a F j j j j j j j j j j Enter"),
        Route("ContactListScreen", "g p"),
        Route("ContactDetailScreen", "g p Enter"),
        Route("PartnerListScreen", "g r"),
        Route("PartnerDetailScreen", "g r Enter"),
        Route("PartnerDetailScreen", "g r Enter Tab"),
        Route("PartnerDetailScreen", "g r Enter Tab Tab"),
        Route("PartnerDetailScreen", "g r Enter Tab Tab Tab"),
        Route("TasksHomeScreen", "g k"),
        Route("TasksHomeScreen", "g k Tab Tab"),
        Route("ProjectCRMScreen", "g k Tab Tab Enter"),
        Route("ProjectCRMScreen", "g k Tab Tab Enter Tab"),
        Route("TaskDetailScreen", "g k Enter"),
        Route("TaskDetailScreen", "g k Enter Tab"),
        Route("SettingsScreen", "g s"),
        Route("SettingsScreen", "g s Tab"),
        Route("SettingsScreen", "g s Tab Tab"),
        Route("SettingsScreen", "g s Tab Tab Tab"),
        Route("SettingsScreen", "g s Tab Tab Tab Tab"),
        Route("SettingsScreen", "g s S-Tab"),
        Route("SettingsScreen", "g s S-Tab S-Tab"),
        Route("FormScreen", "g a n"),
        Route("FormScreen", "g l n"),
    ]

    func testEveryCommandAScreenDeclaresIsRegistered() throws {
        let database = try AppHarness(columns: 120, rows: 40).database
        try plantDuplicateLeads(in: database)
        var unregistered: [String] = []
        for route in routes {
            let harness = try arrive(at: route, database: database)
            let commands = harness.app.currentScreen.commands(app: harness.app)
            XCTAssertFalse(commands.isEmpty, "no commands at \(route.keys)")
            for command in commands where CommandRegistry.spec(command.id) == nil {
                unregistered.append("\(route.screen) after “\(route.keys.joined(separator: " "))”: \(command.id)")
            }
        }
        XCTAssertEqual(unregistered, [], unregistered.joined(separator: "\n"))
    }

    /// A key whose command cannot run as things are says why on the status line, instead of
    /// doing nothing.
    func testAKeyWhoseCommandCannotRunNowSaysWhy() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l /")
        harness.type("zzqx-nobody")
        try harness.press("Enter e")
        harness.assertShows("There is no lead here")
        try harness.press("g s Tab Tab Tab K")
        harness.assertShows("Statuses")
        harness.assertShows("The status cannot move further up")
    }

    /// On a detail tab that shows a list, j, Enter and e are the list's: the help lists them
    /// under the list, not again under the record's keys, where they would never arrive (the
    /// popups have their own j).
    func testTheHelpLeavesOutKeysAMoreSpecificContextTakes() throws {
        let harness = try AppHarness(columns: 120, rows: 60)
        try harness.press("g l Enter Tab ?")
        harness.assertShows("Lists")
        harness.assertHides("Record details")
        XCTAssertEqual(harness.screen.components(separatedBy: "Move down").count - 1, 2, harness.screen)
    }

    /// Each command is registered once, and every old id a keymap may still use names a
    /// registered command.
    func testTheRegistryHasEachIDOnceAndEveryRenamedIDLeadsToOne() {
        let ids = CommandRegistry.all.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count, "registered twice: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys)")
        for (old, now) in CommandID.renamed {
            XCTAssertNotNil(CommandRegistry.spec(now), "\(old) is renamed to \(now), which is not registered")
            XCTAssertNil(CommandRegistry.spec(CommandID(rawValue: old)), "\(old) is renamed but still registered")
        }
    }

    /// The help lists only the keys of declared commands: the intraday page has no rows, so none of the list's or
    /// the lead actions' keys, but it does list the section's view keys.
    func testTheHelpOfAPageLeavesOutKeysItDoesNotTake() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l 8 ?")
        harness.assertShows("Lead view: No touch")
        harness.assertHides("Qualify")
        harness.assertHides("Quick filter")
        try harness.press("Esc 1 ?")
        harness.assertShows("Qualify")
        harness.assertShows("Quick filter")
    }

    private func arrive(at route: Route, database: AppDatabase) throws -> AppHarness {
        let harness = try AppHarness(columns: 80, rows: 24, database: database)
        for step in route.keys {
            if step.hasPrefix("=") { harness.type(String(step.dropFirst())) } else { try harness.press(step) }
        }
        let arrived = String(describing: type(of: harness.app.currentScreen))
        XCTAssertTrue(arrived.hasPrefix(route.screen), "“\(route.keys)” led to \(arrived)\n\(harness.screen)")
        return harness
    }

    private func plantDuplicateLeads(in database: AppDatabase) throws {
        let user = try XCTUnwrap(try database.users.find(login: "admin"))
        let leads = database.leads(actingAs: user)
        for first in ["Tilda", "Tildа"] {
            var draft = LeadDraft()
            (draft.firstName, draft.lastName, draft.email) = (first, "Twin", "tilda.twin@example.com")
            _ = try leads.create(draft)
        }
    }
}
