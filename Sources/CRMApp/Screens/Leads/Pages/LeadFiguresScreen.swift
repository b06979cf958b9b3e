import CRMCore
import TerminalUI

/// Statistics and conversions (LD-3): the leads received in a period (`p` switches today, this
/// week, this month, all time) by source, campaign or owner (`b`), as counts by status kind or
/// as conversion rates. Both read the maintained lead counts, so every period answers at once
/// on a million leads; rows are sorted with `s` and reversed with `S`.
final class LeadFiguresScreen: LeadPage {
    enum Kind {
        /// New, working, qualified, disqualified and untouched counts.
        case statistics
        /// Qualified ÷ decided and qualified ÷ all.
        case conversions
    }

    /// A way to order the rows: a title and a key that sorts ascending.
    private struct Sort {
        let title: String
        let column: String
        let key: (LeadBreakdownRow) -> Int
    }

    let kind: Kind
    let view: LeadQuery.View
    private var period = LeadPeriod.thisMonth
    private var dimension = LeadDimension.source
    private var rows: [LeadBreakdownRow] = []
    /// Until the rows are read, and after `reload` or a new period or dimension: the next
    /// `refresh` reads them (again before every frame while the read fails).
    private var isStale = true
    private var cursor = RowCursor()
    private var sortIndex = 0
    private var ascending = false

    init(kind: Kind, view: LeadQuery.View) {
        self.kind = kind
        self.view = view
    }

    var page: LeadTabs.Page { kind == .statistics ? .statistics : .conversions }

    func statusHints(app: AppController) -> [String]? {
        func key(_ id: CommandID) -> String { app.bindings.keyLabel(for: id, in: contexts) ?? "?" }
        return ["\(key(.leadPeriodNext)) period", "\(key(.leadDimensionNext)) by source/campaign/owner", "\(key(.sortNext)) sort",
                "\(key(.tabNext)) next page"]
    }

    private var sorts: [Sort] {
        let leads = Sort(title: "leads", column: "Leads") { $0.tally.total }
        switch kind {
        case .statistics:
            return [leads, Sort(title: "untouched", column: "Untouched") { $0.tally.untouched },
                    Sort(title: "qualified", column: "Qualified") { $0.tally.qualified }]
        case .conversions:
            return [Sort(title: "qualified ÷ decided", column: "Q÷decided") { $0.tally.qualifiedOfDecidedPermille ?? -1 },
                    Sort(title: "qualified ÷ all", column: "Q÷all") { $0.tally.qualifiedOfAllPermille ?? -1 }, leads]
        }
    }

    func commands(app: AppController) -> [Command] {
        [
            Command(.leadPeriodNext, [.sidebar]) { [unowned self] app in
                period = LeadPeriod.allCases[(LeadPeriod.allCases.firstIndex(of: period)! + 1) % LeadPeriod.allCases.count]
                reload(app: app)
            },
            Command(.leadDimensionNext, [.sidebar]) { [unowned self] app in
                dimension = LeadDimension.allCases[(LeadDimension.allCases.firstIndex(of: dimension)! + 1) % LeadDimension.allCases.count]
                cursor = RowCursor()
                reload(app: app)
            },
            Command(.sortNext, [.sidebar]) { [unowned self] app in
                sortIndex = (sortIndex + 1) % sorts.count
                ascending = false
                reorder()
                app.show(message: "Sorted by \(sorts[sortIndex].title)")
            },
            Command(.sortReverse, [.sidebar]) { [unowned self] _ in
                ascending.toggle()
                reorder()
            },
        ] + LeadTabs.commands(at: .page(page), view: view)
            + Command.rowMoves(page: 10) { [unowned self] move in move(&cursor) }
    }

    func reload(app: AppController) { isStale = true }

    func refresh(in rect: Rect, app: AppController) {
        guard isStale, let read = app.attempt("Could not count the leads", {
            try app.session.database.leadStatistics.breakdown(by: dimension, in: period)
        }) else { return }
        rows = read
        isStale = false
        reorder()
    }

    /// Sorts by the chosen figure (ties by name), keeping the selection in range.
    private func reorder() {
        let key = sorts[sortIndex].key
        rows.sort { key($0) != key($1) ? (key($0) < key($1)) == ascending : $0.name < $1.name }
        cursor.resize(count: rows.count)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        var x = rect.x + 1
        for choice in LeadPeriod.allCases {
            x += buffer.write(" \(choice.title) ", x: x, y: rect.y, style: choice == period ? theme.tabActive : theme.dim)
        }
        buffer.write("  by \(dimension.title.lowercased())", x: x, y: rect.y, style: theme.header, maxWidth: max(0, rect.maxX - x))
        var total = LeadTally()
        for row in rows {
            total.new += row.tally.new
            total.working += row.tally.working
            total.qualified += row.tally.qualified
            total.disqualified += row.tally.disqualified
            total.untouched += row.tally.untouched
        }
        buffer.write(summary(total), x: rect.x + 1, y: rect.y + 1, style: theme.plain, maxWidth: rect.width - 2)
        let note = kind == .conversions ? "decided = qualified + disqualified; open leads count only in ÷ all"
            : "\(Self.grouped(total.disqualified)) disqualified · \(Self.grouped(total.untouched)) untouched (no sales activity yet)"
        buffer.write(note, x: rect.x + 1, y: rect.y + 2, style: theme.dim, maxWidth: rect.width - 2)
        let table = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3)
        guard !rows.isEmpty else {
            buffer.write("No leads received \(period.title.lowercased()).", x: rect.x + 2, y: table.y + 1, style: theme.dim,
                         maxWidth: rect.width - 4)
            return
        }
        let columns = self.columns
        cursor.resize(count: rows.count, height: SelectableRows.visibleRows(in: table))
        TableView.render(Array(rows[cursor.visible]), columns: columns, selected: cursor.selectedOffset,
                         sortColumn: columns.firstIndex { $0.title == sorts[sortIndex].column }, ascending: ascending,
                         into: &buffer, rect: table, theme: theme)
    }

    private func summary(_ total: LeadTally) -> String {
        switch kind {
        case .statistics:
            return "\(Self.grouped(total.total)) leads: \(Self.grouped(total.new)) new, \(Self.grouped(total.working)) working, "
                + "\(Self.grouped(total.qualified)) qualified"
        case .conversions:
            return "Qualified ÷ decided \(Self.percent(total.qualifiedOfDecidedPermille)) · qualified ÷ all "
                + "\(Self.percent(total.qualifiedOfAllPermille)) · \(Self.grouped(total.decided)) of \(Self.grouped(total.total)) decided"
        }
    }

    private var columns: [TableColumn<LeadBreakdownRow>] {
        let name = TableColumn<LeadBreakdownRow>(dimension.title, minWidth: 16, weight: 1) { $0.name }
        // Wide enough for the title and a sort arrow.
        func figure(_ title: String, _ text: @escaping (LeadTally) -> String) -> TableColumn<LeadBreakdownRow> {
            TableColumn(title, minWidth: max(7, DisplayWidth.of(title) + 2), alignRight: true) { text($0.tally) }
        }
        func count(_ title: String, _ value: @escaping (LeadTally) -> Int) -> TableColumn<LeadBreakdownRow> {
            figure(title) { Self.grouped(value($0)) }
        }
        switch kind {
        case .statistics:
            return [name, count("Leads") { $0.total }, count("New") { $0.new }, count("Working") { $0.working },
                    count("Qualified") { $0.qualified }, count("Disq.") { $0.disqualified }, count("Untouched") { $0.untouched }]
        case .conversions:
            return [name, figure("Q÷decided") { Self.percent($0.qualifiedOfDecidedPermille) },
                    figure("Q÷all") { Self.percent($0.qualifiedOfAllPermille) }, count("Leads") { $0.total },
                    count("Decided") { $0.decided }, count("Qualified") { $0.qualified }]
        }
    }

    /// A count with thousands grouped ("12,345").
    static func grouped(_ count: Int) -> String { BoundedCount(value: count, isExact: true).description }

    /// Tenths of a percent as "12.5 %"; "—" when there is nothing to divide by.
    static func percent(_ permille: Int?) -> String {
        guard let permille else { return "—" }
        return "\(permille / 10).\(permille % 10) %"
    }
}
