import CRMCore
import CRMStore
import TerminalUI

/// A task list (PR-2) for any view: the Tasks section, a project's CRM view and an
/// opportunity's Tasks tab use it. The record-list pane with columns subject, status, due,
/// assignee, project, primary account; `b` groups by primary account, drawing a header line above
/// each account's tasks. The cursor steps over headers, so every command acts on a task; new
/// tasks belong to the project or record the list is of.
final class TaskList: RecordListPane<TaskRowRepository> {
    private static var sorts: [SortChoice<TaskQuery.Sort>] { [
        SortChoice(title: "due date", sort: .due, column: "Due"), SortChoice(title: "subject", sort: .subject, column: "Subject"),
        SortChoice(title: "primary account", sort: .primaryAccount, column: "Primary account"),
        SortChoice(title: "last change", sort: .updated, column: nil, startsAscending: false),
    ] }

    /// A created task is selected; a list of the user's own tasks widens to all tasks when the new
    /// one went to someone else.
    init(view: TaskQuery.View, projectID: Int64? = nil, relatedTo relation: TaskRelation? = nil, app: AppController) {
        let list = QueryList(query: TaskListQuery(base: TaskQuery(view: view)), sorts: Self.sorts, noun: "tasks",
                             filterList: .tasks, app: app) { TaskRowRepository(tasks: $0.session.tasks) }
        super.init(list: list, created: .task, widen: { if $0.base.view == .mine { $0.base.view = .all } },
                   name: { $0.isHeader ? "" : $0.task.subject },
                   rowCommands: { row, host in
                       [Command(.recordNew, [.sidebar]) { app in app.push(TaskForms.new(relatedTo: relation, projectID: projectID, app: app)) }]
                           + TaskActions.commands(for: row.flatMap { $0.isHeader ? nil : $0.task }, at: .list, from: host)
                   }, columns: { _ in Self.columns })
        settle(app: app)
    }

    var query: TaskListQuery { list.query }
    var isGrouped: Bool { list.query.grouped }
    var selectedTask: TaskRecord? { list.selected.flatMap { $0.isHeader ? nil : $0.task } }

    func show(_ view: TaskQuery.View, app: AppController) {
        list.update(app: app) { $0.base.view = view }
        settle(app: app)
    }

    override func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        defer { settle(app: app) }
        return super.handleKey(event, app: app)
    }

    /// The list commands and grouping; the cursor never rests on a group's header, and sorting
    /// a grouped list says why it cannot.
    override func listCommands(app: AppController) -> [Command] {
        let adjusted = super.listCommands(app: app).map { command -> Command in
            switch command.id {
            case .sortNext where isGrouped:
                var refused = command
                refused.unavailableReason = "Grouped lists stay sorted by primary account; press "
                    + (app.bindings.keyLabel(for: .listGroup, in: [.list]) ?? "b") + " to ungroup first"
                return refused
            case .cursorUp, .cursorPageUp:
                return command.then { [unowned self] app in
                    if list.selected?.isHeader == true { list.pane.moveUp(app: app) }
                    settle(app: app)
                }
            default:
                return command.then { [unowned self] in settle(app: $0) }
            }
        }
        return adjusted + [
            Command(.listGroup, [.sidebar]) { [unowned self] app in
                let grouped = !isGrouped
                list.choose(grouped ? .primaryAccount : .due, app: app) { $0.grouped = grouped }
                app.show(message: grouped ? "Grouped by primary account" : "Not grouped; sorted by due date")
                settle(app: app)
            },
        ]
    }

    /// Reads the rows that fit in `rect` (again after `reload`) and keeps the cursor off headers.
    override func refresh(in rect: Rect, app: AppController) {
        super.refresh(in: rect, app: app)
        settle(app: app)
    }

    /// Moves the cursor off a header onto the task below it.
    private func settle(app: AppController) {
        list.pane.showsPosition = !isGrouped
        if list.selected?.isHeader == true { list.pane.moveDown(app: app) }
    }

    private static var columns: [TableColumn<TaskListRow>] { [
        TableColumn("Subject", minWidth: 16, weight: 4) { $0.isHeader ? "" : $0.task.subject },
        TableColumn("Status", minWidth: 11) { $0.isHeader ? "" : $0.task.status.title },
        TableColumn("Due", minWidth: 10) { $0.isHeader ? "" : $0.task.dueDate?.description ?? "" },
        TableColumn("Assignee", minWidth: 10, weight: 1) { $0.isHeader ? "" : $0.task.assigneeName ?? "" },
        TableColumn("Project", minWidth: 10, weight: 1) { $0.isHeader ? "" : $0.task.projectName ?? "" },
        TableColumn("Primary account", minWidth: 12, weight: 2) { $0.isHeader ? "" : $0.task.primaryAccountName ?? "" },
    ] }

    /// The list, then a header line over each group's first row (the filter line and the column
    /// titles are above row 0).
    override func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        super.render(into: &buffer, rect: rect, app: app)
        for (offset, row) in list.pane.window.rows.enumerated() where row.isHeader {
            let y = rect.y + 2 + offset
            guard y < rect.maxY - 1 else { break }
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: app.theme.plain)
            let title = row.task.primaryAccountName ?? "No primary account"
            buffer.write("▾ " + title, x: rect.x + 1, y: y, style: app.theme.accent, maxWidth: rect.width - 2)
        }
    }
}
