import CRMCore
import CRMStore

/// The task form (PR-2), new and edit: subject, status, assignee, due date (calendar), project,
/// description, and at creation an optional related account. Saved with the version check, so
/// a concurrent edit is never silently overwritten.
enum TaskForms {
    typealias Field = TaskDraft.Field
    /// The account a new task is related to from the start: a link, saved with the task.
    static let relatedAccount = TaskDraft.Event.relatedAccount

    /// A new task, related from the start to `relation` (an opportunity or an account screen's
    /// "add related task") and placed in `projectID` when given.
    static func new(relatedTo relation: TaskRelation? = nil, projectID: Int64? = nil, app: AppController) -> FormScreen {
        var draft = TaskDraft(subject: "", projectID: projectID)
        draft.assigneeID = app.session.user.id
        var fields = fields(for: draft, app: app)
        if relation == nil {
            fields.insert(FormField(relatedAccount, kind: .recordPicker(search: { TaskPickers.accountChoices(app, matching: $0) })),
                          at: fields.count - 1)
        }
        return FormScreen(section: .tasks, title: "Tasks › New task", fields: fields) { values, app in
            outcome(values, base: draft, today: app.session.database.today) { draft in
                let account = values[relatedAccount].flatMap { Int64($0.value) }.map { TaskRelation.account($0) }
                let task = try app.session.tasks.create(draft, relatedTo: [relation, account].compactMap { $0 })
                app.noteCreated(CreatedRecord(.task, id: task.id))
                return "Created “\(task.subject)”"
            }
        }
    }

    static func edit(_ task: TaskRecord, app: AppController) -> FormScreen {
        let version = EditedVersion(of: task)
        return FormScreen(section: .tasks, title: "Tasks › \(task.subject) › Edit", fields: fields(for: task.fields, app: app)) { values, app in
            outcome(values, base: version.latest.fields, today: app.session.database.today) { draft in
                let saved = try version.save({ try app.session.tasks.update(id: task.id, with: draft, expectedVersion: $0) },
                                             showing: { fields(for: $0.fields, app: app) })
                return "Saved “\(saved.subject)”"
            }
        }
    }

    /// The form fields showing `draft`.
    static func fields(for draft: TaskDraft, app: AppController) -> [FormField] {
        let statuses = TaskStatus.allCases.map { Choice(id: $0.rawValue, title: $0.title) }
        let projects = ProjectChoices.all(app)
        let assignee = draft.assigneeID.map { Choice(id: String($0), title: app.session.userName($0)) }
        return [
            FormField(Field.subject, required: true, text: draft.subject),
            FormField(Field.status, kind: .select(statuses), required: true, choice: statuses.first { $0.id == draft.status.rawValue }),
            FormField(Field.assigneeID, kind: .recordPicker(search: app.session.userChoices(matching:)), choice: assignee),
            FormField(Field.dueDate, text: draft.dueDate?.description ?? ""),
            FormField(Field.projectID, kind: .select(projects), required: true,
                      choice: projects.first { $0.id == draft.projectID.map(String.init) } ?? projects.first),
            FormField(Field.description, text: draft.description),
        ]
    }

    /// Reads the form into a draft (relative due dates counted from `today`), checks it and saves it.
    private static func outcome(_ values: [String: FormField], base: TaskDraft, today: CalendarDate,
                                save: (TaskDraft) throws -> String) -> SaveOutcome {
        var draft = base
        let text = { (key: Field) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
        draft.subject = values[Field.subject]?.value ?? ""
        draft.status = TaskStatus(rawValue: text(.status)) ?? .new
        draft.assigneeID = Int64(text(.assigneeID))
        var typed = TypedValues(values)
        draft.dueDate = typed.day(Field.dueDate, today: today)
        draft.projectID = Int64(text(.projectID))
        draft.description = values[Field.description]?.value ?? ""
        guard typed.errors.isEmpty else { return .invalid(typed.errors) }
        let problems = draft.validate()
        guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
        return FormConflict.outcome { try save(draft) }
    }
}

/// Projects as select choices, indented by their depth in the tree.
enum ProjectChoices {
    static func all(_ app: AppController, excluding excluded: Set<Int64> = []) -> [Choice] {
        let tree = app.attempt("Could not read the projects") { try app.session.projects.tree() } ?? []
        return tree.filter { !excluded.contains($0.project.id) }.map { entry in
            Choice(id: String(entry.project.id), title: String(repeating: "  ", count: entry.depth) + entry.project.name)
        }
    }
}
