import CRMCore
import CRMStore
import TerminalUI

/// All partners (PA-1): the filter language, saved filters, columns, and the partner actions.
final class PartnerListScreen: Screen {
    let section = Section.partners
    private let list: QueryList<PartnerRepository>

    init(app: AppController) {
        list = QueryList(query: PartnerQuery(), sorts: [SortChoice(title: "name", sort: .name, column: "Name")],
                         noun: "partners", filterList: .partners, app: app) { $0.session.partners }
    }

    var breadcrumb: String { "Partners" }
    var tabs: [String] { ["All partners"] }
    /// List keys first (n, e, D, Enter); the partner keys fill in where the list has none.
    var contexts: [KeyContext] { [.list, .partner] }
    var isTyping: Bool { list.pane.isEditingFilter }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func commands(app: AppController) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(PartnerForm.create(app: app)) }]
            + PartnerActions.commands(for: list.selected, fromList: true, from: self)
            + list.commands(app: app) + [Command.contextMenu(titled: list.selected?.name)]
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .partner else { return false }
        list.reveal(id: record.id, app: app) { _ in }
        return true
    }

    func reload(app: AppController) { list.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        list.render(columns: [
            TableColumn("Name", minWidth: 20, weight: 3) { $0.name },
            TableColumn("City", minWidth: 10, weight: 1) { $0.city },
            TableColumn("Country", minWidth: 10, weight: 1) { $0.country },
            TableColumn("Email", minWidth: 16, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ], into: &buffer, rect: rect, app: app, contexts: contexts)
    }
}
