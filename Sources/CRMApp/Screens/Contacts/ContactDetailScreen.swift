import CRMCore
import TerminalUI

/// One personal contact with tabs for its data and its history, and the contact actions.
final class ContactDetailScreen: RecordScreen<PersonalContact> {
    let contactID: Int64

    init(contactID: Int64, app: AppController) {
        self.contactID = contactID
        super.init(section: .contacts, trail: "Contacts", noun: "contact", placeholder: "#\(contactID)", contexts: [.detail],
                   read: { try $0.session.contacts.get(id: contactID) }, name: \.displayName)
        panes = [
            Tab(title: "Data", pane: FieldsPane(multiline: ["Note"]) { [unowned self] app in
                record.map { Self.rows($0, session: app.session) } ?? []
            }),
            Tab(title: "History", pane: HistoryPane(.contact, id: contactID)),
        ]
        reload(app: app)
    }

    override func actions(on record: PersonalContact?) -> [Command] {
        ContactActions.commands(for: record, fromList: false, from: self)
    }

    private static func rows(_ contact: PersonalContact, session: AppSession) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = [
            ("Name", contact.displayName), ("Type", session.contactTypeName(contact.typeID)),
            ("Employee of", contact.accountName ?? ""), ("Job title", contact.jobTitle),
            ("Email", contact.email), ("Phone", contact.phone), ("Mobile", contact.mobile),
            ("Messenger", contact.messenger),
            ("Created", DateText.format(contact.createdAt) + " by " + session.userName(contact.createdByID)),
            ("Last change", DateText.format(contact.updatedAt)), ("Note", contact.note),
        ]
        if contact.isAnonymized { rows.insert(("Status", "anonymized — personal data erased"), at: 1) }
        return rows
    }
}
