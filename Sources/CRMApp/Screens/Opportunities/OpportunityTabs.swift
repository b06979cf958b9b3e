/// The page tabs of the Opportunities section: the board first (the daily triage view), then
/// the lists. Switching tabs swaps the page in place, so Esc leaves the section as before.
enum OpportunityTabs {
    static let boardIndex = 0
    static var titles: [String] { ["Board"] + OpportunityListScreen.views.map(\.title) }

    /// Shows tab `index` (wrapping around).
    static func show(_ index: Int, app: AppController) {
        let count = titles.count
        let tab = ((index % count) + count) % count
        if tab == boardIndex {
            app.replaceTop(BoardScreen())
        } else {
            app.replaceTop(OpportunityListScreen(app: app, view: OpportunityListScreen.views[tab - 1].view))
        }
    }
}
