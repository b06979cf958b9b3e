import CRMCore
import TerminalUI

/// A record's fields as labelled rows (a "Data" or "Overview" tab), scrolled with the cursor
/// keys. The rows are worked out when the data may have changed, not per frame: some name a
/// linked record, which costs a read.
final class FieldsPane: Pane {
    private let rows: (AppController) -> [(label: String, value: String)]
    /// Labels of the rows whose value keeps its line breaks (notes, descriptions).
    private let multiline: Set<String>
    private var shown: [(label: String, value: String)] = []
    private var scroll = DetailScroll()

    init(multiline: Set<String> = [], rows: @escaping (AppController) -> [(label: String, value: String)]) {
        self.multiline = multiline
        self.rows = rows
    }

    func commands(app: AppController) -> [Command] {
        DetailScroll.commands { [unowned self] in _ = scroll.scroll($0) }
    }

    func reload(app: AppController) { shown = rows(app) }

    func show(app: AppController) {
        scroll.reset()
        reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        DetailRows.render(shown, multiline: multiline, scroll: &scroll, into: &buffer, rect: rect, theme: app.theme)
    }
}

/// A record's history (ST-6): who changed what, when, from which value to which.
final class HistoryPane: Pane {
    private let entity: EntityKind
    private let id: Int64
    private var entries: [JournalEntry] = []
    private var scroll = DetailScroll()

    init(_ entity: EntityKind, id: Int64) {
        self.entity = entity
        self.id = id
    }

    func commands(app: AppController) -> [Command] {
        DetailScroll.commands { [unowned self] in _ = scroll.scroll($0) }
    }

    func reload(app: AppController) { entries = HistoryView.load(entity, id: id, app: app) }

    func show(app: AppController) {
        scroll.reset()
        reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        HistoryView.render(entries, scroll: &scroll, into: &buffer, rect: rect, theme: app.theme)
    }
}
