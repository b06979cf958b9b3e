import CRMCore
import TerminalUI

/// One account with tabs: its data, its people (personal contacts), its opportunities, its sales
/// activities with those of its opportunities (SA-2) and its history (AC-4, ST-6).
final class AccountDetailScreen: RecordScreen<Account> {
    let accountID: Int64

    init(accountID: Int64, app: AppController) {
        self.accountID = accountID
        super.init(section: .accounts, trail: "Accounts", noun: "account", placeholder: "#\(accountID)", contexts: [.detail],
                   read: { try $0.session.accounts.get(id: accountID) }, name: \.displayName)
        let opportunities = OpportunityList(view: .ofAccount(accountID), app: app) { app in
            OpportunityForm.create(app: app, account: try? app.session.accounts.get(id: accountID))
        }
        opportunities.host = self
        panes = [
            Tab(title: "Data", pane: FieldsPane(multiline: ["Note"]) { [unowned self] app in
                record.map { AccountPresenter.rows($0, session: app.session) } ?? []
            }),
            Tab(title: "People", pane: PeoplePane(accountID: accountID, app: app)),
            Tab(title: "Opportunities", pane: opportunities),
            Tab(title: "Activities", pane: ActivityTimeline(target: .account(accountID), app: app)),
            Tab(title: "History", pane: HistoryPane(.account, id: accountID)),
        ]
        reload(app: app)
    }

    override func actions(on record: Account?) -> [Command] {
        AccountActions.commands(for: record, at: .detail, from: self)
    }
}

/// The People tab of an account: its personal contacts; the cursor keys move the selection and
/// Enter opens the person.
final class PeoplePane: Pane {
    private let people: ListPane<ContactSource>

    init(accountID: Int64, app: AppController) {
        people = ListPane(source: ContactSource(repository: app.session.contacts,
                                                query: ContactQuery(view: .ofAccount(accountID))), noun: "people")
    }

    func commands(app: AppController) -> [Command] {
        people.motions(only: [.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp]) + [
            Command.on(people.selected, .recordOpen, missing: "There is nobody here to open") { contact, app in
                app.push(ContactDetailScreen(contactID: contact.id, app: app))
            },
        ]
    }

    func reload(app: AppController) { people.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { people.refresh(in: rect, app: app) }

    /// Back to the first person.
    func show(app: AppController) { people.replaceSource(people.source, app: app) }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let columns: [TableColumn<PersonalContact>] = [
            TableColumn("Name", minWidth: 18, weight: 2) { $0.displayName },
            TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
            TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
            TableColumn("Phone", minWidth: 14) { $0.phone },
        ]
        people.render(columns: columns, sortColumn: 0, ascending: true, into: &buffer, rect: rect, theme: app.theme,
                      filterKey: nil)
    }
}
