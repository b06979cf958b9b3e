import CRMCore
import TerminalUI

/// A record's detail screen: the record, read again whenever the data may have changed, its tabs
/// (each a `Pane`) and the record's own actions, which the tabs share.
///
/// Where the record's actions show depends on the tab: on a tab of fields or history they fill
/// the sidebar and the context menu; on a tab that lists rows with its own actions (activities,
/// consultants) the sidebar is the list's and `m` still offers the record's actions; on a tab
/// whose rows have their own context menu (an opportunity list) the keys of the rows win and the
/// record's actions stay on the other tabs. A detail screen subclasses this and sets `panes`.
class RecordScreen<Record>: TabbedScreen {
    /// The section's part of the breadcrumb ("Leads").
    private let trail: String
    /// What the record is called in messages ("lead").
    private let noun: String
    /// How the breadcrumb names the record while it cannot be read ("#42").
    private let placeholder: String
    private let read: (AppController) throws -> Record
    private let name: (Record) -> String
    private(set) var record: Record?

    init(section: Section, trail: String, noun: String, placeholder: String, contexts: [KeyContext],
         read: @escaping (AppController) throws -> Record, name: @escaping (Record) -> String) {
        self.trail = trail
        self.noun = noun
        self.placeholder = placeholder
        self.read = read
        self.name = name
        super.init(section: section, title: trail, contexts: contexts, margin: 1)
    }

    /// The record's actions (LD-5, OP-5, …) on `record`, nil while it cannot be read.
    func actions(on record: Record?) -> [Command] { [] }

    override var breadcrumb: String { trail + " › " + (record.map(name) ?? placeholder) }

    override func commands(app: AppController) -> [Command] {
        let own = pane.commands(app: app)
        var actions = actions(on: record)
        var menu = Command.contextMenu(titled: record.map(name))
        if own.contains(where: { $0.id == .menuContext }) {
            actions = actions.map { $0.placed([]) }
            menu = menu.placed([])
        } else if own.contains(where: { $0.placement.contains(.sidebar) }) {
            actions = actions.map { $0.placed([.menu]) }
            menu = menu.placed([])
        }
        return own + actions + tabCommands(app: app) + [menu]
    }

    /// A tab is chosen: the record is read again, then the pane.
    override func showPane(app: AppController) {
        readRecord(app: app)
        if record != nil { super.showPane(app: app) }
    }

    override func reload(app: AppController) {
        readRecord(app: app)
        if record != nil { super.reload(app: app) }
    }

    private func readRecord(app: AppController) {
        _ = app.reread(&record, noun) { try read(app) }
    }

    override func refresh(in rect: Rect, app: AppController) {
        if record != nil { super.refresh(in: rect, app: app) }
    }

    override func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard record != nil else {
            buffer.write("This \(noun) no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        super.render(into: &buffer, rect: rect, app: app)
    }
}
