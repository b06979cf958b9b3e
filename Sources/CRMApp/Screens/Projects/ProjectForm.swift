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
        return [
            FormField(key: Field.name.rawValue, label: "Name", kind: .text, required: true, text: draft.name),
            FormField(key: Field.identifier.rawValue, label: "Identifier", kind: .text, required: true, text: draft.identifier,
                      maxLength: 64),
            FormField(key: Field.parentID.rawValue, label: "Parent project", kind: .select(parents),
                      choice: parents.first { $0.id == (draft.parentID.map(String.init) ?? "") } ?? none),
            FormField(key: Field.crmEnabled.rawValue, label: "CRM enabled", kind: .checkbox, checked: draft.crmEnabled),
            FormField(key: Field.includeSubprojects.rawValue, label: "With subprojects' data", kind: .checkbox,
                      checked: draft.includeSubprojects),
            FormField(key: Field.description.rawValue, label: "Description", kind: .multiline, text: draft.description,
                      maxLength: FieldRules.noteLimit),
        ]
    }

    private static func outcome(_ values: [String: FormField], base: ProjectDraft,
                                save: (ProjectDraft) throws -> String) -> SaveOutcome {
        var draft = base
        let text = { (key: Field) in values[key.rawValue]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        draft.name = values[Field.name.rawValue]?.value ?? ""
        draft.identifier = text(.identifier)
        draft.parentID = Int64(text(.parentID))
        draft.crmEnabled = values[Field.crmEnabled.rawValue]?.isChecked ?? false
        draft.includeSubprojects = values[Field.includeSubprojects.rawValue]?.isChecked ?? true
        draft.description = values[Field.description.rawValue]?.value ?? ""
        let problems = draft.validate()
        guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
        return FormConflict.outcome { try save(draft) }
    }
}
