import CRMCore
import CRMStore
import TerminalUI

/// Splitter control (LD-3, LP-6): the splitter filters in run order with their filter text,
/// who shares the leads, when they last ran and how many leads they hold; new, edit, delete and
/// reorder them, run one (`R`) or all, and list the leads no filter took (`U`). The filters are
/// few, so they are read whole; the lead counts come from `leads_by_split_filter` and
/// `leads_unsplit`, capped like every count.
final class SplitterControlScreen: LeadPage {
    let page = LeadTabs.Page.splitter
    let view: LeadQuery.View
    private var rows: [LeadSplitFilterSummary] = []
    private var unprocessed = BoundedCount(seen: 0, cap: 10_000)
    private var cursor = RowCursor()
    private var selected: Int { cursor.selected }

    init(app: AppController, view: LeadQuery.View = .open) {
        self.view = view
        reload(app: app)
    }

    var contexts: [KeyContext] { [.splitter, .lead, .list] }
    func reload(app: AppController) {
        let splitter = app.session.leadSplitter
        rows = app.attempt("Could not read the splitter filters") { try splitter.list() } ?? rows
        unprocessed = app.attempt("Could not count the unprocessed leads") {
            try app.session.leads.count(LeadQuery(view: .unprocessed))
        } ?? unprocessed
        cursor.resize(count: rows.count)
    }

    private var current: LeadSplitFilter? { rows.indices.contains(selected) ? rows[selected].filter : nil }

    private var actions: SettingsRowActions<LeadSplitFilter> {
        SettingsRowActions(
            noun: "splitter filter", name: \.name, form: { row, app in SplitterFilterForm.make(editing: row, app: app) },
            delete: { row, app in try app.session.leadSplitter.delete(id: row.id, expectedVersion: row.version) },
            reorder: { ids, app in try app.session.leadSplitter.reorder(ids) },
            reload: { [unowned self] app in reload(app: app) })
    }

    func commands(app: AppController) -> [Command] {
        let select = { [unowned self] (row: Int) in cursor.selected = row }
        let filters = rows.map(\.filter)
        return LeadTabs.commands(at: .page(page), view: view, sidebar: [])
            + LeadRoutingGuard.guarding(actions.edits(rows: filters, selected: selected) + [
                Command.on(current, .splitterRun, [.sidebar], missing: "There is no splitter filter to run; press n to make one") {
                    [unowned self] filter, app in run(app: app) { try $0.run(filterID: filter.id) }
                },
                Command(.splitterRunAll, [.sidebar]) { [unowned self] app in run(app: app) { try $0.runAll() } },
                Command(.splitterUnprocessed, [.sidebar]) { app in app.push(UnprocessedLeadsScreen(app: app)) },
            ] + actions.moves(rows: filters, selected: selected, select: select), app: app)
            + Command.rowMoves { [unowned self] move in move(&cursor) }
    }

    /// Runs and reports; the "Running…" line is drawn first, as a run over many leads takes a
    /// while (other users keep working between its batches).
    private func run(app: AppController, _ body: (LeadSplitterRepository) throws -> LeadSplitRun) {
        app.show(message: "Running the splitter…")
        app.draw()
        guard let report = app.attempt("Could not run the splitter", { try body(app.session.leadSplitter) }) else { return }
        reload(app: app)
        let names = report.filters.map { "“\($0.name)” \($0.processed)" }.joined(separator: ", ")
        app.show(message: "Processed \(report.processed) lead\(report.processed == 1 ? "" : "s")"
            + (report.filters.count > 1 ? " (\(names))" : "") + "; \(unprocessed.description) unprocessed")
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        let session = app.session
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: max(0, rect.height - 3))
        let columns: [TableColumn<LeadSplitFilterSummary>] = [
            TableColumn("#", minWidth: 2, alignRight: true) { String($0.filter.position) },
            TableColumn("Name", minWidth: 12, weight: 2) { $0.filter.name },
            TableColumn("Leads", minWidth: 7, alignRight: true) { $0.leads.description },
            TableColumn("Filter", minWidth: 14, weight: 3) { $0.filter.fields.filter },
            TableColumn("Shares", minWidth: 16, weight: 3) { summary in
                summary.filter.fields.shares.map { "\(session.userName($0.userID)) \($0.percent)%" }.joined(separator: ", ")
            },
            TableColumn("Last run", minWidth: 16) { $0.filter.lastRunAt.map(DateText.format) ?? "never" },
        ]
        SelectableRows.render(rows, cursor: &cursor, empty: "No splitter filters yet. Press n to make one.",
                              columns: columns, into: &buffer, rect: inner, theme: theme)
        let keys = [(CommandID.splitterUnprocessed, "lists them"), (.splitterRun, "runs the selected filter")].compactMap { command, text in
            app.bindings.keyLabel(for: command, in: contexts).map { "\($0) \(text)" }
        }
        buffer.write("Unprocessed leads: \(unprocessed.description)" + (keys.isEmpty ? "" : " · " + keys.joined(separator: " · ")),
                     x: rect.x + 1, y: rect.maxY - 1, style: theme.dim, maxWidth: rect.width - 2)
    }
}
