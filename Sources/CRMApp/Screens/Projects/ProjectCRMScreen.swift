import CRMCore
import CRMStore
import TerminalUI

/// A project's own CRM view (PR-1): its opportunities and tasks, and its subprojects' when the
/// project's "include subprojects" setting is on — two panes. The Opportunities and Tasks
/// sections are the global views of the same records.
final class ProjectCRMScreen: TabbedScreen {
    let scope: ProjectCRMScope

    init(scope: ProjectCRMScope, app: AppController) {
        self.scope = scope
        let projectID = scope.project.id
        let subprojects = scope.includesSubprojects && scope.projectIDs.count > 1 ? " (with subprojects)" : ""
        super.init(section: .tasks, title: "Tasks › Projects › \(scope.project.name)" + subprojects)
        let opportunities = OpportunityList(view: scope.opportunityView, app: app) { OpportunityForm.create(app: $0, projectID: projectID) }
        let tasks = TaskList(view: scope.taskView, projectID: projectID, app: app)
        opportunities.host = self
        tasks.host = self
        panes = [Tab(title: "Opportunities", pane: opportunities), Tab(title: "Tasks", pane: tasks)]
    }
}
