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
    var sidebarActions: [CommandID] {
        ["detail.edit", "detail.anonymize", "detail.delete", "detail.tab.next", "detail.menu"]
    }

    func reload(app: AppController) {
        guard app.reread(&contact, "contact", { try app.session.contacts.get(id: contactID) }) else { return }
        if showsHistory {
            history = HistoryView.load(.contact, id: contactID, app: app)
        }
    }

    func offers(_ command: CommandID) -> Bool {
        // Enter opens the selected row of a list; this page has none.
        ["detail.tab.next", "detail.tab.prev"].contains(command) || DetailScroll.commands.contains(command)
            || (command != "detail.open" && ContactActions.commands.contains(command))
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev":
            showsHistory.toggle()
            scroll.reset()
            reload(app: app)
        case _ where DetailScroll.commands.contains(command):
            _ = scroll.scroll(command)
        default:
            guard let contact else { return false }
            return ContactActions.run(command, on: contact, app: app, from: self)
        }
        return true
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
