import CRMCore
import TerminalUI

/// The sales activities of one record, newest first (SA-2), for a tab of its detail screen:
/// an account's timeline also holds its opportunities' activities, each marked with the
/// opportunity's name. Virtualised like every list; `n` adds, `e`/Enter edits, `D` deletes
/// after a confirmation.
///
/// A pane: a record's detail screen shows it as its Activities tab.
final class ActivityTimeline: Pane {
    let target: ActivityTarget
    private let pane: ListPane<ActivitySource>

    /// List keys first (n, e, D, j/k).
    let contexts: [KeyContext] = [.list]

    init(target: ActivityTarget, app: AppController) {
        self.target = target
        pane = ListPane(source: ActivitySource(repository: app.session.salesActivities, target: target),
                        noun: "activities", hasFilter: false)
        pane.replaceSource(pane.source, app: app)
    }

    var selected: SalesActivity? { pane.selected }

    func reload(app: AppController) { pane.reload(app: app) }

    func refresh(in rect: Rect, app: AppController) { pane.refresh(in: rect, app: app) }

    /// Selects an activity just added to this timeline.
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .salesActivity else { return false }
        reveal(id: record.id, app: app)
        return true
    }

    private func reveal(id: Int64, app: AppController) {
        guard let activity = app.attempt("Could not show the new activity", { try app.session.salesActivities.get(id: id) })
        else { return }
        _ = pane.reveal(activity, app: app)
    }

    /// New (in the sidebar), edit, delete and the cursor motions of the timeline.
    func commands(app: AppController) -> [Command] {
        let missing = "There is no activity here"
        let edit = { (activity: SalesActivity, app: AppController) in app.push(ActivityForms.edit(activity, app: app)) }
        return [
            Command(.recordNew, [.sidebar]) { [target] app in app.push(ActivityForms.new(for: target, app: app)) },
            Command.on(pane.selected, .recordEdit, [.sidebar], missing: missing, action: edit),
            Command.on(pane.selected, .recordOpen, missing: missing, action: edit),
            Command.on(pane.selected, .recordDelete, [.sidebar], missing: missing) { [pane] activity, app in
                app.confirm("Delete the \(activity.categoryName.lowercased()) of \(DateText.format(activity.at))?",
                            detail: "This cannot be undone.") { app in
                    if app.attempt("Could not delete", {
                        try app.session.salesActivities.delete(id: activity.id, expectedVersion: activity.version)
                    }) != nil {
                        pane.reload(app: app)
                        app.show(message: "Deleted the activity")
                    }
                }
            },
        ] + pane.motions()
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        var columns: [TableColumn<SalesActivity>] = [
            TableColumn("When", minWidth: 16) { DateText.format($0.at) },
            TableColumn("Category", minWidth: 8) { $0.categoryName },
            TableColumn("Min", minWidth: 3, alignRight: true) { String($0.durationMinutes) },
            TableColumn("Owner", minWidth: 10) { $0.ownerName },
        ]
        if case .account = target {
            columns.append(TableColumn("Opportunity", minWidth: 12, weight: 1) { $0.opportunityName ?? "—" })
        }
        columns += [
            TableColumn("Outcome", minWidth: 10, weight: 1) { $0.outcome },
            TableColumn("Description", minWidth: 10, weight: 2) { Self.firstLine($0.description) },
        ]
        pane.render(columns: columns, sortColumn: 0, ascending: false, into: &buffer, rect: rect, theme: app.theme,
                    filterKey: nil)
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? "")
    }
}
