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
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        page == .projects ? false : tasks.handleKey(event, app: app)
    }

    func commands(app: AppController) -> [Command] {
        let turn = { [unowned self] (step: Int, app: AppController) in
            page = Page(rawValue: (page.rawValue + step + Page.allCases.count) % Page.allCases.count)!
            switch page {
            case .all: tasks.show(.all, app: app)
            case .mine: tasks.show(.mine, app: app)
            case .projects: projects.reload(app: app)
            }
        }
        let tabs = [Command(.tabNext, [.sidebar]) { turn(1, $0) }, Command(.tabPrev) { turn(-1, $0) }]
        if page == .projects { return projects.commands(app: app, from: self) + tabs }
        return TaskListCommands.commands(of: tasks, app: app, from: self) + tabs
            + [Command.contextMenu(titled: tasks.selected?.subject)]
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

/// The commands of a screen showing a `TaskList`: new, the actions on the selected task, then
/// the list's own.
enum TaskListCommands {
    /// `relatedTo` relates new tasks to the record whose tasks the list shows.
    static func commands(of list: TaskList, projectID: Int64? = nil, relatedTo relation: TaskRelation? = nil,
                         app: AppController, from screen: Screen) -> [Command] {
        [Command(.recordNew, [.sidebar]) { app in app.push(TaskForms.new(relatedTo: relation, projectID: projectID, app: app)) }]
            + TaskActions.commands(for: list.selected, at: .list, from: screen)
            + list.commands(app: app)
    }
}
