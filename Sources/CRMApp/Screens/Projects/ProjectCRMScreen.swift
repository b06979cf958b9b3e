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
    private let opportunities: ListPane<ProjectOpportunitySource>
    private let tasks: TaskList

    init(scope: ProjectCRMScope, app: AppController) {
        self.scope = scope
        let repository = app.session.database.opportunities(actingAs: app.session.user)
        opportunities = ListPane(source: ProjectOpportunitySource(repository: repository, query: OpportunityQuery(view: scope.opportunityView)),
                                 noun: "opportunities")
        tasks = TaskList(view: scope.taskView, app: app)
        opportunities.replaceSource(opportunities.source, app: app)
    }

    var breadcrumb: String {
        "Tasks › Projects › \(scope.project.name)" + (scope.includesSubprojects && scope.projectIDs.count > 1 ? " (with subprojects)" : "")
    }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    var contexts: [KeyContext] { [.list] }
    var isTyping: Bool { tab == .tasks ? tasks.isTyping : opportunities.isEditingFilter }
    var sidebarActions: [CommandID] {
        tab == .tasks
            ? ["record.new", "record.open", "record.edit", "filter.edit", "sort.next", "list.group", "tab.next", "menu.context"]
            : ["filter.edit", "tab.next"]
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        if tab == .tasks { return tasks.handleKey(event, app: app) }
        return opportunities.handleFilterKey(event) { text in filterOpportunities(text, app: app) }
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "tab.next", "tab.prev":
            tab = tab == .tasks ? .opportunities : .tasks
            reload(app: app)
            return true
        default:
            if tab == .tasks {
                return TaskListCommands.run(command, list: tasks, projectID: scope.project.id, app: app, from: self)
            }
            return opportunities.handle(command, app: app) { text in filterOpportunities(text, app: app) }
        }
    }

    private func filterOpportunities(_ text: String, app: AppController) {
        var query = opportunities.source.query
        query.filter = text
        opportunities.replaceSource(ProjectOpportunitySource(repository: opportunities.source.repository, query: query), app: app)
    }

    func reload(app: AppController) {
        tab == .tasks ? tasks.reload(app: app) : opportunities.reload(app: app)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        switch tab {
        case .tasks:
            tasks.render(into: &buffer, rect: rect, app: app, contexts: contexts)
        case .opportunities:
            let columns: [TableColumn<Opportunity>] = [
                TableColumn("Name", minWidth: 20, weight: 3) { $0.name },
                TableColumn("Account", minWidth: 14, weight: 2) { $0.accountName ?? "" },
                TableColumn("Status", minWidth: 13) { $0.statusName },
                TableColumn("Amount", minWidth: 16, alignRight: true) { $0.amount.map(MoneyDisplay.text) ?? "" },
                TableColumn("Close", minWidth: 10) { $0.expectedClose?.description ?? "" },
            ]
            opportunities.render(columns: columns, sortColumn: 0, ascending: true, into: &buffer, rect: rect, theme: app.theme,
                                 filterKey: app.bindings.keyLabel(for: "filter.edit", in: contexts))
        }
    }
}

/// The read-only opportunity list of a project's CRM view, paged by keyset like every list.
/// (The Opportunities section has the full list with its actions.)
struct ProjectOpportunitySource: PagedSource {
    let repository: OpportunityRepository
    let query: OpportunityQuery

    func first(_ limit: Int) throws -> [Opportunity] { try repository.page(query, .first, limit: limit) }
    func last(_ limit: Int) throws -> [Opportunity] { try repository.page(query, .last, limit: limit) }
    func after(_ row: Opportunity, limit: Int) throws -> [Opportunity] {
        try repository.page(query, .after(query.cursor(for: row)), limit: limit)
    }
    func before(_ row: Opportunity, limit: Int) throws -> [Opportunity] {
        try repository.page(query, .before(query.cursor(for: row)), limit: limit)
    }
    func count() throws -> BoundedCount { try repository.count(query, cap: 10_000) }
    func identity(of row: Opportunity) -> Int64 { row.id }
}
