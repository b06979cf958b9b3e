import CRMCore
import CRMStore

/// The project form (PR-1): name, identifier, parent, description, CRM switch and whether the
/// project's CRM view includes its subprojects. The store refuses a parent that would make a
/// cycle; the parent choices already leave out the project and its subprojects.
enum ProjectForm {
    typealias Field = ProjectDraft.Field

    static func new(parentID: Int64?, app: AppController) -> FormScreen {
        var draft = ProjectDraft(name: "", identifier: "", parentID: parentID)
        draft.crmEnabled = true
        return FormScreen(section: .tasks, title: "Projects › New project", fields: fields(for: draft, excluding: [], app: app)) { values, app in
            outcome(values, base: draft) { draft in
                let project = try app.session.projects.create(draft)
                app.noteCreated(CreatedRecord(.project, id: project.id))
                return "Created the project “\(project.name)”"
            }
        }
    }

    static func edit(_ project: Project, app: AppController) -> FormScreen {
        let version = EditedVersion(of: project)
        let excluded = Set((try? app.session.projects.subtreeIDs(of: project.id)) ?? [project.id])
        return FormScreen(section: .tasks, title: "Projects › \(project.name) › Edit",
                          fields: fields(for: project.fields, excluding: excluded, app: app)) { values, app in
            outcome(values, base: version.latest.fields) { draft in
                let saved = try version.save({ try app.session.projects.update(id: project.id, with: draft, expectedVersion: $0) },
                                             showing: { fields(for: $0.fields, excluding: excluded, app: app) })
                return "Saved the project “\(saved.name)”"
            }
        }
    }

    static func fields(for draft: ProjectDraft, excluding excluded: Set<Int64>, app: AppController) -> [FormField] {
        let none = Choice(id: "", title: "(top level)")
        let parents = [none] + ProjectChoices.all(app, excluding: excluded)
        var identifier = FormField(Field.identifier, required: true, text: draft.identifier)
        identifier.input.maxLength = ProjectDraft.identifierLimit
        return [
            FormField(Field.name, required: true, text: draft.name),
            identifier,
            FormField(Field.parentID, kind: .select(parents),
                      choice: parents.first { $0.id == (draft.parentID.map(String.init) ?? "") } ?? none),
            FormField(Field.crmEnabled, checked: draft.crmEnabled),
            FormField(Field.includeSubprojects, checked: draft.includeSubprojects),
            FormField(Field.description, text: draft.description),
        ]
    }

    private static func outcome(_ values: [String: FormField], base: ProjectDraft,
                                save: (ProjectDraft) throws -> String) -> SaveOutcome {
        var draft = base
        let text = { (key: Field) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        draft.name = values[Field.name]?.value ?? ""
        draft.identifier = text(.identifier)
        draft.parentID = Int64(text(.parentID))
        draft.crmEnabled = values[Field.crmEnabled]?.isChecked ?? false
        draft.includeSubprojects = values[Field.includeSubprojects]?.isChecked ?? true
        draft.description = values[Field.description]?.value ?? ""
        let problems = draft.validate()
        guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
        return FormConflict.outcome { try save(draft) }
    }
}
