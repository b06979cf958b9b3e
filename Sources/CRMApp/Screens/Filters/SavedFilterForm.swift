import CRMCore
import CRMStore

/// The form of a saved filter: its name, its conditions in the filter language and whether
/// everyone may use it. Columns, sort and grouping come from the list it was saved from.
enum SavedFilterForm {
    static func create(from view: ListView, list: FilterList, app: AppController,
                       saved: @escaping (SavedFilter, AppController) -> Void) -> FormScreen {
        make(title: "Save the current view", base: { view.draft(named: "", list: list, isPublic: false) }, app: app) { draft, app in
            let created = try app.session.savedFilters.create(draft)
            saved(created, app)
            return "Saved the filter “\(created.name)”"
        }
    }

    static func edit(_ filter: SavedFilter, app: AppController) -> FormScreen {
        let version = EditedVersion(of: filter)
        return make(title: "Saved filter › \(filter.name)", base: { version.latest.fields }, app: app) { draft, app in
            let saved = try version.save({ try app.session.savedFilters.update(id: filter.id, with: draft, expectedVersion: $0) },
                                         showing: { fields($0.fields) })
            return "Saved the filter “\(saved.name)”"
        }
    }

    static func fields(_ draft: SavedFilterDraft) -> [FormField] {
        [
            FormField(key: SavedFilterDraft.Field.name.rawValue, label: "Name", kind: .text, required: true, text: draft.name),
            FormField(key: SavedFilterDraft.Field.query.rawValue, label: "Filter", kind: .text, text: draft.query,
                      maxLength: 1_000),
            FormField(key: SavedFilterDraft.Field.isPublic.rawValue, label: "Public (everyone may use it)", kind: .checkbox,
                      checked: draft.isPublic),
        ]
    }

    /// `base` is the draft a save starts from: the record as opened, then as the last refused
    /// save found it, so fields the form does not show keep someone else's latest values.
    private static func make(title: String, base: @escaping () -> SavedFilterDraft, app: AppController,
                             save: @escaping (SavedFilterDraft, AppController) throws -> String) -> FormScreen {
        FormScreen(section: app.section, title: title, fields: fields(base())) { values, app in
            var edited = base()
            edited.name = values[SavedFilterDraft.Field.name.rawValue]?.value ?? ""
            edited.query = values[SavedFilterDraft.Field.query.rawValue]?.value ?? ""
            edited.isPublic = values[SavedFilterDraft.Field.isPublic.rawValue]?.isChecked ?? false
            return FormConflict.outcome { try save(edited, app) }
        }
    }
}
