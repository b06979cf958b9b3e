import CRMCore
import CRMStore
import TerminalUI

/// A project's own CRM view (PR-1): its opportunities and tasks, and its subprojects' when the
/// project's "include subprojects" setting is on. The Opportunities and Tasks sections are the
/// global views of the same records.
final class ProjectCRMScreen: Screen {
    enum Tab: Int, CaseIterable {
        case opportunities, tasks
        var title: String { ["Opportunities", "Tasks"][rawValue] }
    }

    let section = Section.tasks
    let scope: ProjectCRMScope
    private var tab = Tab.opportunities
    private let opportunities: OpportunityList
    private let tasks: TaskList

    init(scope: ProjectCRMScope, app: AppController) {
        self.scope = scope
        let projectID = scope.project.id
        opportunities = OpportunityList(view: scope.opportunityView, app: app) { OpportunityForm.create(app: $0, projectID: projectID) }
        tasks = TaskList(view: scope.taskView, projectID: projectID, app: app)
        tasks.host = self
        tasks.hostCommands = { [unowned self] _ in tabCommands }
        opportunities.host = self
        opportunities.hostCommands = { [unowned self] _ in tabCommands }
    }

    /// Tab and Shift-Tab: between the tasks and the opportunities.
    private var tabCommands: [Command] {
        [CommandID.tabNext, .tabPrev].map { id in
            Command(id, id == .tabNext ? [.sidebar] : []) { [unowned self] app in
                tab = tab == .tasks ? .opportunities : .tasks
                reload(app: app)
            }
        }
    }

    var breadcrumb: String {
        "Tasks › Projects › \(scope.project.name)" + (scope.includesSubprojects && scope.projectIDs.count > 1 ? " (with subprojects)" : "")
    }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    var contexts: [KeyContext] { tab == .tasks ? [.list] : [.opportunity, .list] }
    var isTyping: Bool { tab == .tasks ? tasks.isTyping : opportunities.isTyping }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        tab == .tasks ? tasks.handleKey(event, app: app) : opportunities.handleKey(event, app: app)
    }

    func commands(app: AppController) -> [Command] {
        guard tab == .tasks else { return opportunities.commands(app: app) }
        return tasks.commands(app: app)
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        switch (record.entity, tab) {
        case (.task, .tasks): return tasks.reveal(record, app: app)
        case (.opportunity, .opportunities): return opportunities.reveal(record, app: app)
        default: return false
        }
        return true
    }

    func reload(app: AppController) {
        tab == .tasks ? tasks.reload(app: app) : opportunities.reload(app: app)
    }

    func refresh(in rect: Rect, app: AppController) {
        tab == .tasks ? tasks.refresh(in: rect, app: app) : opportunities.refresh(in: rect, app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        switch tab {
        case .tasks:
            tasks.render(into: &buffer, rect: rect, app: app)
        case .opportunities:
            opportunities.render(into: &buffer, rect: rect, app: app)
        }
    }
}
