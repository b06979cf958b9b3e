import CRMCore
import CRMStore
import TerminalUI

/// All personal contacts (PC-1…PC-3): quick filter, sort, and the contact actions.
final class ContactListScreen: Screen {
    let section = Section.contacts
    private let list: QueryList<ContactRepository>

    init(app: AppController) {
        list = QueryList(query: ContactQuery(), sorts: [
            SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
            SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
        ], noun: "contacts", filterList: .contacts, app: app) { $0.session.contacts }
    }

    var breadcrumb: String { "Personal contacts" }
    var tabs: [String] { ["All contacts"] }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { list.pane.isEditingFilter }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }

    func commands(app: AppController) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(ContactForm.create(app: app, employer: nil)) }]
            + ContactActions.commands(for: list.selected, fromList: true, from: self)
            + list.commands(app: app) + [Command.contextMenu(titled: list.selected?.displayName)]
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .contact else { return false }
        list.reveal(id: record.id, app: app) { $0.view = .all }
        return true
    }

    func reload(app: AppController) { list.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        list.render(columns: [
            TableColumn("Name", minWidth: 22, weight: 4) { $0.displayName },
            TableColumn("Type", minWidth: 9) { session.contactTypeName($0.typeID) },
            TableColumn("Account", minWidth: 14, weight: 2) { $0.accountName ?? "" },
            TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
            TableColumn("Email", minWidth: 16, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ], into: &buffer, rect: rect, app: app, contexts: contexts)
    }
}
