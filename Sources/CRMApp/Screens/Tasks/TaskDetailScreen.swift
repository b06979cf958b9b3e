import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// One task with tabs (PR-2): its fields, its related accounts (the primary one marked) and
/// opportunities, and its history.
final class TaskDetailScreen: RecordScreen<TaskRecord> {
    let taskID: Int64

    init(taskID: Int64, app: AppController) {
        self.taskID = taskID
        super.init(section: .tasks, trail: "Tasks", noun: "task", placeholder: "#\(taskID)", contexts: [.detail],
                   read: { try $0.session.tasks.get(id: taskID) }, name: \.subject)
        panes = [
            Tab(title: "Overview", pane: FieldsPane(multiline: ["Description"]) { [unowned self] app in
                record.map { Self.rows($0, session: app.session) } ?? []
            }),
            Tab(title: "Related", pane: TaskRelatedPane(taskID: taskID) { [unowned self] in record }),
            Tab(title: "History", pane: HistoryPane(.task, id: taskID)),
        ]
        reload(app: app)
    }

    var task: TaskRecord? { record }

    override func actions(on record: TaskRecord?) -> [Command] {
        TaskActions.commands(for: record, at: .detail, from: self)
    }

    private static func rows(_ task: TaskRecord, session: AppSession) -> [(label: String, value: String)] {
        [("Subject", task.subject), ("Status", task.status.title), ("Assignee", task.assigneeName ?? ""),
         ("Due date", task.dueDate?.description ?? ""), ("Project", task.projectName ?? ""),
         ("Primary account", task.primaryAccountName ?? "(none)"),
         ("Created", DateText.format(task.createdAt) + " by " + session.userName(task.createdByID)),
         ("Last change", DateText.format(task.updatedAt)), ("Description", task.description)]
    }
}

/// The Related tab of a task: its accounts (the primary one marked) and opportunities. Enter
/// opens the selected one; "make primary" and "unrelate" act on it instead of asking which.
final class TaskRelatedPane: Pane {
    /// A line of the tab.
    enum Related {
        case account(TaskAccountLink)
        case opportunity(TaskOpportunityLink)
    }

    private let taskID: Int64
    private let task: () -> TaskRecord?
    private var related: [Related] = []
    private var relatedCursor = RowCursor()
    private var selectedRelated: Int { relatedCursor.selected }

    init(taskID: Int64, task: @escaping () -> TaskRecord?) {
        self.taskID = taskID
        self.task = task
    }

    private var selection: Related? { related.indices.contains(selectedRelated) ? related[selectedRelated] : nil }

    func reload(app: AppController) {
        related = app.attempt("Could not read the related records") {
            try app.session.tasks.relatedAccounts(of: taskID).map(Related.account)
                + app.session.tasks.relatedOpportunities(of: taskID).map(Related.opportunity)
        } ?? []
        relatedCursor.resize(count: related.count)
    }

    func commands(app: AppController) -> [Command] {
        let done = { [unowned self] (app: AppController) in { (_: TaskRecord) in self.reload(app: app) } }
        var onSelection: [Command] = []
        if let task = task() {
            switch selection {
            case .account(let link)?:
                onSelection = [
                    Command(.taskAccountPrimary) { TaskActions.makePrimary(link, of: task, app: $0, done: done($0)) },
                    Command(.taskUnrelate) { TaskActions.unrelate(link, from: task, app: $0, done: done($0)) },
                ]
            case .opportunity(let link)?:
                onSelection = [Command(.taskUnrelate) { TaskActions.unrelate(link, from: task, app: $0, done: done($0)) }]
            case nil:
                break
            }
        }
        let open = Command.on(selection, .recordOpen, missing: "Select a related account or opportunity to open it") { selection, app in
            switch selection {
            case .account(let link): app.push(AccountDetailScreen(accountID: link.accountID, app: app))
            case .opportunity(let link): app.push(OpportunityDetailScreen(opportunityID: link.opportunityID, app: app))
            }
        }
        return onSelection + [open] + Command.rowMoves(page: 10, only: [.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp]) {
            [unowned self] move in move(&relatedCursor)
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        renderRelated(into: &buffer, rect: rect, app: app)
    }

    private func renderRelated(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard !related.isEmpty else {
            let key = app.bindings.keyLabel(for: .taskAccountRelate, in: [.detail]).map { " (\($0))" } ?? ""
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
        SelectableRows.render(related, cursor: &relatedCursor, empty: "", columns: columns, into: &buffer, rect: rect,
                              theme: app.theme)
    }
}
