import CRMApp
import CRMCore
import CRMStore
import XCTest

/// The help (`?`) and the palette list a key of a shared context only where the screen says it
/// acts on it (`Screen.offers`). This walks the app to each screen and tab and holds that answer
/// to what the screen really does: every command bound in its contexts is run on a fresh copy
/// of the screen, and `handle` must take exactly the commands `offers` names; the sidebar lists
/// only offered actions too.
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

    func testEveryScreenTakesExactlyTheCommandsItOffers() throws {
        let database = try AppHarness(columns: 120, rows: 40).database
        try plantDuplicateLeads(in: database)
        var mismatches: [String] = []
        for route in routes {
            var harness = try arrive(at: route, database: database)
            let screen = harness.app.currentScreen
            let commands = boundCommands(of: screen, bindings: harness.app.bindings)
            XCTAssertFalse(commands.isEmpty, "no screen commands at \(route.keys)")
            let appWide = Set(CommandRegistry.all.filter(\.context.isAppWide).map(\.id))
            for action in screen.sidebarActions where !appWide.contains(action) && !screen.offers(action) {
                mismatches.append("\(route.screen) after “\(route.keys.joined(separator: " "))”: the sidebar lists \(action)")
            }
            // A command the screen does not take changes nothing, so those share one arrival; each
            // command it takes runs on an arrival of its own.
            let (offered, notOffered) = (commands.filter(screen.offers), commands.filter { !screen.offers($0) })
            for command in notOffered where harness.app.currentScreen.handle(command, app: harness.app) {
                mismatches.append("\(route.screen) after “\(route.keys.joined(separator: " "))”: \(command) is run but not offered")
                harness = try arrive(at: route, database: database)
            }
            for command in offered {
                let fresh = try arrive(at: route, database: database)
                if !fresh.app.currentScreen.handle(command, app: fresh.app) {
                    mismatches.append("\(route.screen) after “\(route.keys.joined(separator: " "))”: \(command) is offered but does nothing")
                }
            }
        }
        XCTAssertEqual(mismatches, [], mismatches.joined(separator: "\n"))
    }

    /// The help lists only offered keys: the intraday page has no rows, so none of the list's or
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

    /// The commands bound in the screen's own contexts (not the app-wide ones), by any keymap
    /// table or the registry.
    private func boundCommands(of screen: Screen, bindings: KeyBindings) -> [CommandID] {
        let contexts = screen.contexts.filter { !$0.isAppWide }
        let bound = contexts.flatMap { bindings.bindings(in: $0).map(\.command) }
        let registered = CommandRegistry.all.filter { contexts.contains($0.context) }.map(\.id)
        var seen = Set<CommandID>()
        return (bound + registered).filter { seen.insert($0).inserted }
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
