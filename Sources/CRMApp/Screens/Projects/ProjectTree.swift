import CRMCore
import CRMStore
import TerminalUI

/// The project hierarchy as an indented list (PR-1): new, edit, delete, and Enter opens a
/// CRM-enabled project's own CRM view. Projects are few, so the whole tree is read at once.
final class ProjectTree {
    private var entries: [ProjectHierarchy.Entry] = []
    private var cursor = RowCursor()
    private var selected: Int { cursor.selected }

    init(app: AppController) {
        reload(app: app)
    }

    var selectedProject: Project? { entries.indices.contains(selected) ? entries[selected].project : nil }

    func reload(app: AppController) {
        let keep = selectedProject?.id
        entries = app.attempt("Could not read the projects") { try app.session.projects.tree() } ?? entries
        cursor.resize(count: entries.count)
        if let kept = entries.firstIndex(where: { $0.project.id == keep }) { cursor.select(kept) }
    }

    /// New, open (a CRM-enabled project's own CRM view), edit and delete, in the sidebar, and
    /// the cursor motions.
    func commands(app: AppController, from screen: Screen) -> [Command] {
        let missing = "There is no project here"
        return [
            Command(.recordNew, [.sidebar]) { [selectedProject] app in
                app.push(ProjectForm.new(parentID: selectedProject?.id, app: app))
            },
            Command.on(selectedProject, .recordOpen, [.sidebar], missing: missing, unavailable: { project in
                project.crmEnabled ? nil : "CRM is not enabled for “\(project.name)”; edit the project to enable it"
            }) { project, app in
                if let scope = app.attempt("Could not open the project", { try app.session.projects.crmScope(of: project.id) }) {
                    app.push(ProjectCRMScreen(scope: scope, app: app))
                }
            },
            Command.on(selectedProject, .recordEdit, [.sidebar], missing: missing) { project, app in
                app.push(ProjectForm.edit(project, app: app))
            },
            Command.on(selectedProject, .recordDelete, [.sidebar], missing: missing) { project, app in
                app.confirm("Delete the project “\(project.name)”?", detail: "Only an empty project can be deleted.") { app in
                    if app.attempt("Could not delete", { try app.session.projects.delete(id: project.id, expectedVersion: project.version) }) != nil {
                        screen.reload(app: app)
                        app.show(message: "Deleted “\(project.name)”")
                    }
                }
            },
        ] + Command.rowMoves(page: 10) { [unowned self] move in move(&cursor) }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let lastChildren = Self.lastChildren(entries)
        let columns: [TableColumn<ProjectHierarchy.Entry>] = [
            TableColumn("Project", minWidth: 24, weight: 3) { entry in
                let branch = entry.depth == 0 ? "" : lastChildren.contains(entry.project.id) ? "└ " : "├ "
                return String(repeating: "  ", count: entry.depth) + branch + entry.project.name
            },
            TableColumn("Identifier", minWidth: 18, weight: 1) { $0.project.identifier },
            TableColumn("CRM", minWidth: 4) { $0.project.crmEnabled ? "on" : "" },
            TableColumn("CRM view shows", minWidth: 16) { entry in
                entry.project.crmEnabled ? (entry.project.includeSubprojects ? "with subprojects" : "this project only") : ""
            },
        ]
        let (table, footer) = rect.splitBottom(1)
        guard !entries.isEmpty else {
            buffer.write("No projects yet. Press n to create one.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        SelectableRows.render(entries, cursor: &cursor, empty: "", columns: columns, into: &buffer, rect: table,
                              theme: app.theme)
        let open = app.bindings.keyLabel(for: .recordOpen, in: [.list]) ?? "Enter"
        buffer.write("\(entries.count) projects · \(open) opens a project's CRM view", x: footer.x + 1, y: footer.y,
                     style: app.theme.dim, maxWidth: footer.width - 2)
    }

    /// The projects drawn with "└": the last child of their parent in display order.
    private static func lastChildren(_ entries: [ProjectHierarchy.Entry]) -> Set<Int64> {
        var last: Set<Int64> = []
        for (index, entry) in entries.enumerated() where entry.depth > 0 {
            let next = entries.dropFirst(index + 1).first { $0.depth <= entry.depth }
            if next?.depth != entry.depth { last.insert(entry.project.id) }
        }
        return last
    }
}
