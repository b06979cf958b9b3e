import CRMCore
import TerminalUI

/// The sales activities of one record, newest first (SA-2), for a tab of its detail screen:
/// an account's timeline also holds its opportunities' activities, each marked with the
/// opportunity's name. Virtualised like every list; `n` adds, `e`/Enter edits, `D` deletes
/// after a confirmation.
///
/// The hosting screen uses `contexts` while the timeline is shown, forwards commands to
/// `handle` and calls `reload` and `refresh` from its own.
final class ActivityTimeline {
    let target: ActivityTarget
    private let pane: ListPane<ActivitySource>

    /// The key contexts of a screen showing the timeline: list keys first (n, e, D, j/k).
    static let contexts: [KeyContext] = [.list]
    static let sidebarActions: [CommandID] = ["record.new", "record.edit", "record.delete"]

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
    func reveal(id: Int64, app: AppController) {
        guard let activity = app.attempt("Could not show the new activity", { try app.session.salesActivities.get(id: id) })
        else { return }
        _ = pane.reveal(activity, app: app)
    }

    /// The commands `handle` takes.
    var commands: Set<CommandID> { pane.commands.union(["record.new", "record.edit", "record.open", "record.delete"]) }

    /// Cursor motion and the activity commands; false for anything else.
    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "record.new":
            app.push(ActivityForms.new(for: target, app: app))
        case "record.edit", "record.open":
            if let activity = pane.selected { app.push(ActivityForms.edit(activity, app: app)) }
        case "record.delete":
            guard let activity = pane.selected else { return true }
            app.confirm("Delete the \(activity.categoryName.lowercased()) of \(DateText.format(activity.at))?",
                        detail: "This cannot be undone.") { [pane] app in
                if app.attempt("Could not delete", {
                    try app.session.salesActivities.delete(id: activity.id, expectedVersion: activity.version)
                }) != nil {
                    pane.reload(app: app)
                    app.show(message: "Deleted the activity")
                }
            }
        default:
            return pane.handle(command, app: app) { _ in }
        }
        return true
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
