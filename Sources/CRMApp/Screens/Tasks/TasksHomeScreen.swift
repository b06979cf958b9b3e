import CRMCore
import TerminalUI

/// The Tasks section (PR-1, PR-2): all tasks, my tasks, and the project tree, as tabs.
///
/// This is the global view: every task the user may see, whatever its project. A project's
/// own CRM view opens from the Projects tab.
final class TasksHomeScreen: Screen {
    enum Page: Int, CaseIterable {
        case all, mine, projects
        var title: String { ["All tasks", "My tasks", "Projects"][rawValue] }
    }

    let section = Section.tasks
    private var page = Page.all
    private let tasks: TaskList
    private let projects: ProjectTree

    init(app: AppController) {
        tasks = TaskList(view: .all, app: app)
        projects = ProjectTree(app: app)
    }

    var breadcrumb: String { "Tasks › " + page.title }
    /// The task under the cursor of the task tabs.
    var selectedTask: TaskRecord? { page == .projects ? nil : tasks.selected }
    var tabs: [String] { Page.allCases.map(\.title) }
    var activeTab: Int { page.rawValue }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { page != .projects && tasks.isTyping }
    var sidebarActions: [CommandID] {
        page == .projects
            ? ["record.new", "record.open", "record.edit", "record.delete", "tab.next"]
            : ["record.new", "record.open", "record.edit", "record.delete", "filter.edit", "sort.next", "list.group",
               "tab.next", "menu.context"]
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        page == .projects ? false : tasks.handleKey(event, app: app)
    }

    func offers(_ command: CommandID) -> Bool {
        if command == "tab.next" || command == "tab.prev" { return true }
        return page == .projects ? projects.commands.contains(command) : TaskListCommands.commands(of: tasks).contains(command)
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "tab.next", "tab.prev":
            let step = command == "tab.next" ? 1 : Page.allCases.count - 1
            page = Page(rawValue: (page.rawValue + step) % Page.allCases.count)!
            switch page {
            case .all: tasks.show(.all, app: app)
            case .mine: tasks.show(.mine, app: app)
            case .projects: projects.reload(app: app)
            }
            return true
        default:
            if page == .projects { return projects.handle(command, app: app, from: self) }
            return TaskListCommands.run(command, list: tasks, app: app, from: self)
        }
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .task, page != .projects else { return false }
        tasks.reveal(id: record.id, app: app)
        if tasks.query.base.view == .all { page = .all }
        return true
    }

    func reload(app: AppController) {
        page == .projects ? projects.reload(app: app) : tasks.reload(app: app)
    }

    func refresh(in rect: Rect, app: AppController) {
        if page != .projects { tasks.refresh(in: rect, app: app) }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        if page == .projects {
            projects.render(into: &buffer, rect: rect, app: app)
        } else {
            tasks.render(into: &buffer, rect: rect, app: app, contexts: contexts)
        }
    }
}

/// The commands of a screen showing a `TaskList`: list motion first, then new, then the
/// actions on the selected task.
enum TaskListCommands {
    /// The commands `run` takes for `list`.
    static func commands(of list: TaskList) -> Set<CommandID> {
        list.commands.union(["record.new"]).union(TaskActions.commands)
    }

    /// `relatedTo` relates new tasks to the record whose tasks the list shows.
    static func run(_ command: CommandID, list: TaskList, projectID: Int64? = nil, relatedTo relation: TaskRelation? = nil,
                    app: AppController, from screen: Screen) -> Bool {
        if list.handle(command, app: app) { return true }
        if command == "record.new" {
            app.push(TaskForms.new(relatedTo: relation, projectID: projectID, app: app))
            return true
        }
        guard let task = list.selected else { return commands(of: list).contains(command) }
        return TaskActions.run(command, on: task, app: app, from: screen)
    }
}
