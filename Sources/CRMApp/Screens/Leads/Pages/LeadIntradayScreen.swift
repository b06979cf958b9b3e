import CRMCore
import TerminalUI

/// Intraday (LD-3): today's leads by hour as a bar chart against the average of the seven days
/// before, with today's total and what a usual day had brought by this hour. It re-reads
/// whenever the database changes, so leads posted by the intake endpoint appear without a key.
final class LeadIntradayScreen: LeadPage {
    let page = LeadTabs.Page.intraday
    let view: LeadQuery.View
    private var counts: IntradayCounts?
    /// Until the counts are read, and after `reload`: the next `refresh` reads them (again
    /// before every frame while the read fails).
    private var isStale = true

    init(view: LeadQuery.View) {
        self.view = view
    }

    func commands(app: AppController) -> [Command] {
        LeadTabs.commands(at: .page(page), view: view, sidebar: [.leadViewPick, .tabNext, .tabPrev])
    }

    func reload(app: AppController) { isStale = true }

    func refresh(in rect: Rect, app: AppController) {
        guard isStale,
              let read = app.attempt("Could not count today's leads", { try app.session.database.leadStatistics.intraday() })
        else { return }
        counts = read
        isStale = false
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let counts else { return }
        let theme = app.theme
        let usual = (counts.baselineSoFarHundredths + 50) / 100
        let summary = "Today \(DateText.format(counts.now)) · \(LeadFiguresScreen.grouped(counts.total)) leads so far · "
            + "\(counts.baselineDays)-day average by this hour: \(usual)"
        buffer.write(summary, x: rect.x + 1, y: rect.y, style: theme.header, maxWidth: rect.width - 2)
        let legend = "█ leads this hour   ─ average per hour of the \(counts.baselineDays) days before"
        buffer.write(legend, x: rect.x + 1, y: rect.maxY - 1, style: theme.dim, maxWidth: rect.width - 2)
        IntradayChart.render(counts, into: &buffer, rect: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 4),
                             theme: theme)
    }
}
