import CRMCore
import TerminalUI

/// One personal contact with tabs for its data and its history.
final class ContactDetailScreen: Screen {
    let section = Section.contacts
    let contactID: Int64
    private var contact: PersonalContact?
    private var showsHistory = false
    private var scroll = DetailScroll()
    private var history: [JournalEntry] = []

    init(contactID: Int64, app: AppController) {
        self.contactID = contactID
        reload(app: app)
    }

    var breadcrumb: String { "Contacts › " + (contact?.displayName ?? "#\(contactID)") }
    var tabs: [String] { ["Data", "History"] }
    var activeTab: Int { showsHistory ? 1 : 0 }
    var contexts: [KeyContext] { [.detail] }
    func reload(app: AppController) {
        guard app.reread(&contact, "contact", { try app.session.contacts.get(id: contactID) }) else { return }
        if showsHistory {
            history = HistoryView.load(.contact, id: contactID, app: app)
        }
    }

    func commands(app: AppController) -> [Command] {
        ContactActions.commands(for: contact, fromList: false, from: self)
            + Command.tabSteps { [unowned self] _ in
                showsHistory.toggle()
                scroll.reset()
                reload(app: app)
            }
            + [Command.contextMenu(titled: contact?.displayName)]
            + DetailScroll.commands { [unowned self] in _ = scroll.scroll($0) }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        guard let contact else {
            buffer.write("This contact no longer exists.", x: inner.x + 1, y: inner.y + 1, style: app.theme.dim)
            return
        }
        if showsHistory {
            HistoryView.render(history, scroll: &scroll, into: &buffer, rect: inner, theme: app.theme)
            return
        }
        let session = app.session
        var rows: [(label: String, value: String)] = [
            ("Name", contact.displayName), ("Type", session.contactTypeName(contact.typeID)),
            ("Employee of", contact.accountName ?? ""), ("Job title", contact.jobTitle),
            ("Email", contact.email), ("Phone", contact.phone), ("Mobile", contact.mobile),
            ("Messenger", contact.messenger),
            ("Created", DateText.format(contact.createdAt) + " by " + session.userName(contact.createdByID)),
            ("Last change", DateText.format(contact.updatedAt)), ("Note", contact.note),
        ]
        if contact.isAnonymized { rows.insert(("Status", "anonymized — personal data erased"), at: 1) }
        DetailRows.render(rows, multiline: ["Note"], scroll: &scroll, into: &buffer, rect: inner, theme: app.theme)
    }
}
