import CRMCore
import TerminalUI

/// All personal contacts (PC-1…PC-3): quick filter, sort, and the contact actions.
final class ContactListScreen: Screen {
    static let sorts: [(title: String, sort: ContactQuery.Sort, column: Int?)] = [
        ("name", .name, 0), ("account", .account, 2), ("last change", .updated, nil),
    ]

    let section = Section.contacts
    private var query = ContactQuery()
    private var sortIndex = 0
    private let pane: ListPane<ContactSource>

    init(app: AppController) {
        pane = ListPane(source: ContactSource(repository: app.session.contacts, query: query), noun: "contacts")
        pane.replaceSource(pane.source, app: app)
    }

    var breadcrumb: String { "Personal contacts" }
    var tabs: [String] { ["All contacts"] }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { pane.isEditingFilter }
    var sidebarActions: [CommandID] {
        ["record.new", "record.open", "record.edit", "record.delete", "record.anonymize",
         "filter.edit", "sort.next", "menu.context"]
    }

    private func requery(app: AppController) {
        pane.replaceSource(ContactSource(repository: app.session.contacts, query: query), app: app)
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        pane.handleFilterKey(event) { text in
            query.filter = text
            requery(app: app)
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        if pane.handle(command, app: app, filterChanged: { text in query.filter = text; requery(app: app) }) {
            return true
        }
        switch command {
        case "sort.next":
            sortIndex = (sortIndex + 1) % Self.sorts.count
            query.sort = Self.sorts[sortIndex].sort
            requery(app: app)
            app.show(message: "Sorted by \(Self.sorts[sortIndex].title)")
        case "sort.reverse":
            query.ascending.toggle()
            requery(app: app)
        case "record.new":
            app.push(ContactForm.create(app: app, employer: nil))
        default:
            guard let contact = pane.selected else {
                return ["record.open", "record.edit", "record.delete", "record.anonymize", "menu.context"].contains(command)
            }
            return ContactActions.run(command, on: contact, app: app, from: self)
        }
        return true
    }

    func reload(app: AppController) { pane.reload(app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let session = app.session
        let columns: [TableColumn<PersonalContact>] = [
            TableColumn("Name", minWidth: 18, weight: 3) { $0.displayName },
            TableColumn("Type", minWidth: 9) { session.contactTypeName($0.typeID) },
            TableColumn("Account", minWidth: 14, weight: 2) { $0.accountName ?? "" },
            TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
            TableColumn("Email", minWidth: 16, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ]
        pane.render(columns: columns, sortColumn: Self.sorts[sortIndex].column, ascending: query.ascending,
                    into: &buffer, rect: rect, theme: app.theme,
                    filterKey: app.bindings.keyLabel(for: "filter.edit", in: contexts))
    }
}
