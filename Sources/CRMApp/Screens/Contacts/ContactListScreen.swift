import CRMCore
import CRMStore
import TerminalUI

/// All personal contacts (PC-1…PC-3): quick filter, sort, and the contact actions.
final class ContactListScreen: SinglePaneScreen {
    let section = Section.contacts
    let contacts: RecordListPane<ContactRepository>
    var pane: Pane { contacts }

    init(app: AppController) {
        let list = QueryList(query: ContactQuery(), sorts: [
            SortChoice(title: "name", sort: .name, column: "Name"), SortChoice(title: "account", sort: .account, column: "Account"),
            SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
        ], noun: "contacts", filterList: .contacts, app: app) { $0.session.contacts }
        contacts = RecordListPane(list: list, created: .contact, widen: { $0.view = .all }, name: \.displayName,
                                  rowCommands: Self.rowCommands, columns: Self.columns)
        contacts.host = self
    }

    var breadcrumb: String { "Personal contacts" }
    var tabs: [String] { ["All contacts"] }

    private static func rowCommands(for contact: PersonalContact?, host: Screen) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(ContactForm.create(app: app, employer: nil)) }]
            + ContactActions.commands(for: contact, fromList: true, from: host)
    }

    private static func columns(app: AppController) -> [TableColumn<PersonalContact>] {
        let session = app.session
        return [
            TableColumn("Name", minWidth: 22, weight: 4) { $0.displayName },
            TableColumn("Type", minWidth: 9) { session.contactTypeName($0.typeID) },
            TableColumn("Account", minWidth: 14, weight: 2) { $0.accountName ?? "" },
            TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
            TableColumn("Email", minWidth: 16, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ]
    }
}
