import CRMCore
import Foundation

/// The sales activity form (SA-1): category, date and time (in the user's time zone), duration,
/// outcome, description and owner (the current user by default). Saved with the version check,
/// so a concurrent edit is never silently overwritten (ST-7).
enum ActivityForms {
    typealias Field = SalesActivityDraft.Field
    /// The form keys of the two halves of `at`.
    static let dateKey = "date", timeKey = "time"

    /// A form for a new activity on `target`, now, by the current user.
    static func new(for target: ActivityTarget, app: AppController) -> FormScreen {
        let categories = (try? app.session.activityCategories.list()) ?? []
        let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 300).rounded(.down) * 300)
        let draft = SalesActivityDraft(target: target, categoryID: categories.first?.id, at: now, ownerID: app.session.user.id)
        return make(title: "New activity", base: { draft }, app: app) { draft, app in
            let saved = try app.session.salesActivities.create(draft)
            app.noteCreated(CreatedRecord(.salesActivity, id: saved.id))
            return "Added the \(saved.categoryName.lowercased()) of \(DateText.format(saved.at))"
        }
    }

    static func edit(_ activity: SalesActivity, app: AppController) -> FormScreen {
        let version = EditedVersion(of: activity)
        return make(title: "Activity › \(activity.categoryName) › Edit", base: { version.latest.fields }, app: app) { draft, app in
            let saved = try version.save({ try app.session.salesActivities.update(id: activity.id, with: draft, expectedVersion: $0) },
                                         showing: { fields(for: $0.fields, app: app) })
            return "Saved the \(saved.categoryName.lowercased()) of \(DateText.format(saved.at))"
        }
    }

    static func fields(for draft: SalesActivityDraft, app: AppController) -> [FormField] {
        let categories = ((try? app.session.activityCategories.list()) ?? []).map { Choice(id: String($0.id), title: $0.name) }
        let owners = app.session.userChoices(matching: "")
        let (day, time) = TimeOfDay.split(draft.at, in: .current)
        return [
            FormField(Field.categoryID, kind: .select(categories), required: true,
                      choice: categories.first { $0.id == draft.categoryID.map(String.init) }),
            FormField(key: dateKey, label: "Date", kind: .date, required: true, text: day.description),
            FormField(key: timeKey, label: "Time", kind: .time, required: true, text: time.description),
            FormField(Field.durationMinutes, text: String(draft.durationMinutes)),
            FormField(Field.outcome, text: draft.outcome),
            FormField(Field.description, text: draft.description),
            FormField(Field.ownerID, kind: .select(owners), required: true, choice: owners.first { $0.id == String(draft.ownerID) }),
        ]
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> SalesActivityDraft, app: AppController,
                             save: @escaping (SalesActivityDraft, AppController) throws -> String) -> FormScreen {
        FormScreen(section: app.section, title: title, fields: fields(for: base(), app: app)) { values, app in
            let text = { (key: String) in values[key]?.value.trimmingCharacters(in: .whitespaces) ?? "" }
            var edited = base()
            edited.categoryID = Int64(text(Field.categoryID.rawValue))
            var typed = TypedValues(values)
            if let day = typed.day(dateKey, today: app.session.database.today), let time = TimeOfDay(parsing: text(timeKey)) {
                edited.at = time.moment(on: day, in: .current)
            }
            edited.durationMinutes = typed.whole(Field.durationMinutes) ?? 0
            guard typed.errors.isEmpty else { return .invalid(typed.errors) }
            edited.outcome = values[Field.outcome]?.value ?? ""
            edited.description = values[Field.description]?.value ?? ""
            edited.ownerID = Int64(text(Field.ownerID.rawValue)) ?? edited.ownerID
            let problems = edited.validate()
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome { try save(edited, app) }
        }
    }
}
