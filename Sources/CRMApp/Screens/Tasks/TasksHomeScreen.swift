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
        tasks.host = self
        tasks.hostCommands = { [unowned self] _ in tabCommands }
    }

    var breadcrumb: String { "Tasks › " + page.title }
    /// The task under the cursor of the task tabs.
    var selectedTask: TaskRecord? { page == .projects ? nil : tasks.selectedTask }
    var tabs: [String] { Page.allCases.map(\.title) }
    var activeTab: Int { page.rawValue }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { page != .projects && tasks.isTyping }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        page == .projects ? false : tasks.handleKey(event, app: app)
    }

    func commands(app: AppController) -> [Command] {
        page == .projects ? projects.commands(app: app, from: self) + tabCommands : tasks.commands(app: app)
    }

    /// Tab and Shift-Tab: all tasks, my tasks, the project tree.
    private var tabCommands: [Command] {
        let turn = { [unowned self] (step: Int, app: AppController) in
            page = Page(rawValue: (page.rawValue + step + Page.allCases.count) % Page.allCases.count)!
            switch page {
            case .all: tasks.show(.all, app: app)
            case .mine: tasks.show(.mine, app: app)
            case .projects: projects.reload(app: app)
            }
        }
        return [Command(.tabNext, [.sidebar]) { turn(1, $0) }, Command(.tabPrev) { turn(-1, $0) }]
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .task, page != .projects else { return false }
        _ = tasks.reveal(record, app: app)
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
            tasks.render(into: &buffer, rect: rect, app: app)
        }
    }
}
