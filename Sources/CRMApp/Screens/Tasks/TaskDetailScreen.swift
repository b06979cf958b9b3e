import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// One task with tabs (PR-2): its fields, its related accounts (the primary one marked) and
/// opportunities, and its history.
final class TaskDetailScreen: Screen {
    enum Tab: Int, CaseIterable {
        case overview, related, history
        var title: String { ["Overview", "Related", "History"][rawValue] }
    }

    /// A line of the Related tab.
    enum Related {
        case account(TaskAccountLink)
        case opportunity(TaskOpportunityLink)
    }

    let section = Section.tasks
    let taskID: Int64
    private(set) var task: TaskRecord?
    private var tab = Tab.overview
    private var scroll = DetailScroll()
    private var related: [Related] = []
    private var selectedRelated = 0
    private var history: [JournalEntry] = []

    init(taskID: Int64, app: AppController) {
        self.taskID = taskID
        reload(app: app)
    }

    var breadcrumb: String { "Tasks › " + (task?.subject ?? "#\(taskID)") }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    var contexts: [KeyContext] { [.detail] }
    func reload(app: AppController) {
        guard app.reread(&task, "task", { try app.session.tasks.get(id: taskID) }) else { return }
        switch tab {
        case .overview: break
        case .related:
            related = app.attempt("Could not read the related records") {
                try app.session.tasks.relatedAccounts(of: taskID).map(Related.account)
                    + app.session.tasks.relatedOpportunities(of: taskID).map(Related.opportunity)
            } ?? []
            selectedRelated = min(selectedRelated, max(0, related.count - 1))
        case .history:
            history = HistoryView.load(.task, id: taskID, app: app)
        }
    }

    private var selection: Related? {
        tab == .related && related.indices.contains(selectedRelated) ? related[selectedRelated] : nil
    }

    func commands(app: AppController) -> [Command] {
        let done = { [unowned self] (app: AppController) in { (_: TaskRecord) in self.reload(app: app) } }
        let actions = TaskActions.commands(for: task, at: .detail, from: self).map { command -> Command in
            // On the Related tab these act on the selected line instead of asking which.
            guard let task, let selection else { return command }
            switch (command.id, selection) {
            case (.taskAccountPrimary, .account(let link)):
                return command.running { TaskActions.makePrimary(link, of: task, app: $0, done: done($0)) }
            case (.taskUnrelate, .account(let link)):
                return command.running { TaskActions.unrelate(link, from: task, app: $0, done: done($0)) }
            case (.taskUnrelate, .opportunity(let link)):
                return command.running { TaskActions.unrelate(link, from: task, app: $0, done: done($0)) }
            default:
                return command
            }
        }
        let tabs = Command.tabSteps { [unowned self] step in
            tab = Tab(rawValue: (tab.rawValue + step + Tab.allCases.count) % Tab.allCases.count)!
            scroll.reset()
            reload(app: app)
        }
        let scrolling = DetailScroll.commands { [unowned self] id in
            if tab == .related, let step = scroll.step(id) {
                selectedRelated = max(0, min(related.count - 1, selectedRelated + step))
            } else {
                _ = scroll.scroll(id)
            }
        }
        let open = Command.on(selection, .recordOpen, missing: "Select a related account or opportunity to open it") { selection, app in
            switch selection {
            case .account(let link): app.push(AccountDetailScreen(accountID: link.accountID, app: app))
            case .opportunity(let link): app.push(OpportunityDetailScreen(opportunityID: link.opportunityID, app: app))
            }
        }
        return actions + tabs + [Command.contextMenu(titled: task?.subject)] + scrolling + [open]
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let task else {
            buffer.write("This task no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        switch tab {
        case .overview:
            DetailRows.render(overview(task, app: app), multiline: ["Description"], scroll: &scroll, into: &buffer,
                              rect: inner, theme: app.theme)
        case .related:
            renderRelated(into: &buffer, rect: inner, app: app)
        case .history:
            HistoryView.render(history, scroll: &scroll, into: &buffer, rect: inner, theme: app.theme)
        }
    }

    private func overview(_ task: TaskRecord, app: AppController) -> [(label: String, value: String)] {
        [("Subject", task.subject), ("Status", task.status.title), ("Assignee", task.assigneeName ?? ""),
         ("Due date", task.dueDate?.description ?? ""), ("Project", task.projectName ?? ""),
         ("Primary account", task.primaryAccountName ?? "(none)"),
         ("Created", DateText.format(task.createdAt) + " by " + app.session.userName(task.createdByID)),
         ("Last change", DateText.format(task.updatedAt)), ("Description", task.description)]
    }

    private func renderRelated(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard !related.isEmpty else {
            let key = app.bindings.keyLabel(for: .taskAccountRelate, in: contexts).map { " (\($0))" } ?? ""
            buffer.write("Nothing is related yet. Relate an account\(key) or an opportunity.", x: rect.x + 1, y: rect.y + 1,
                         style: app.theme.dim, maxWidth: rect.width - 2)
            return
        }
        let columns: [TableColumn<Related>] = [
            TableColumn("Kind", minWidth: 11) { row in
                if case .account = row { return "Account" }
                return "Opportunity"
            },
            TableColumn("Name", minWidth: 20, weight: 3) { row in
                switch row {
                case .account(let link): link.name
                case .opportunity(let link): link.name
                }
            },
            TableColumn("", minWidth: 12, weight: 1) { row in
                switch row {
                case .account(let link): link.isPrimary ? "★ primary" : ""
                case .opportunity(let link): link.statusName
                }
            },
        ]
        TableView.render(related, columns: columns, selected: selectedRelated, sortColumn: nil, ascending: true,
                         into: &buffer, rect: rect, theme: app.theme)
    }
}
