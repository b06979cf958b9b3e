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
    var sidebarActions: [CommandID] {
        ["detail.edit", "task.account.relate", "task.account.primary", "task.unrelate", "task.opportunity.relate",
         "detail.delete", "detail.tab.next", "detail.menu"]
    }

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

    func offers(_ command: CommandID) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev": true
        case _ where DetailScroll.commands.contains(command): true
        case "detail.open": selection != nil
        default: TaskActions.commands.contains(command)
        }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "detail.tab.next", "detail.tab.prev":
            let step = command == "detail.tab.next" ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            scroll.reset()
            reload(app: app)
        case _ where DetailScroll.commands.contains(command):
            if tab == .related, let step = scroll.step(command) {
                selectedRelated = max(0, min(related.count - 1, selectedRelated + step))
            } else {
                _ = scroll.scroll(command)
            }
        case "detail.open":
            switch selection {
            case .account(let link)?: app.push(AccountDetailScreen(accountID: link.accountID, app: app))
            case .opportunity(let link)?: app.push(OpportunityDetailScreen(opportunityID: link.opportunityID, app: app))
            case nil: return false
            }
        case "task.account.primary":
            guard let task, case .account(let link)? = selection else { return runOnTask(command, app: app) }
            TaskActions.makePrimary(link, of: task, app: app) { _ in reload(app: app) }
        case "task.unrelate":
            guard let task, let selection else { return runOnTask(command, app: app) }
            switch selection {
            case .account(let link): TaskActions.unrelate(link, from: task, app: app) { _ in reload(app: app) }
            case .opportunity(let link): TaskActions.unrelate(link, from: task, app: app) { _ in reload(app: app) }
            }
        default:
            return runOnTask(command, app: app)
        }
        return true
    }

    private func runOnTask(_ command: CommandID, app: AppController) -> Bool {
        guard let task else { return false }
        return TaskActions.run(command, on: task, app: app, from: self)
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
            let key = app.bindings.keyLabel(for: "task.account.relate", in: contexts).map { " (\($0))" } ?? ""
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
