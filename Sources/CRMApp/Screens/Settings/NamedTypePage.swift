import CRMCore
import CRMStore
import TerminalUI

/// The store calls a settings page needs for a name-only type list.
protocol NamedTypeRepository {
    associatedtype Record: NamedTypeRecord
    func list() throws -> [Record]
    func create(name: String) throws -> Record
    func rename(id: Int64, to name: String, expectedVersion: Int) throws -> Record
    func reorder(_ ids: [Int64]) throws -> [Record]
    func delete(id: Int64, expectedVersion: Int) throws
}

extension ContactTypeRepository: NamedTypeRepository {}
extension ActivityCategoryRepository: NamedTypeRepository {}
extension LostReasonRepository: NamedTypeRepository {}

/// A settings tab for a name-only type list (contact types, activity categories, lost reasons): the names in
/// pick-list order; new, rename, delete (refused while in use) and reorder with `K`/`J`.
final class NamedTypePage<Repository: NamedTypeRepository>: SettingsPage {
    let title: String
    let longTitle: String
    private let noun: String
    private let column: String
    private let repository: (AppController) -> Repository
    /// Refreshes what the session caches of these types, after a change.
    private let afterChange: (AppController) -> Void
    private var rows: [Repository.Record] = []

    init(title: String, longTitle: String? = nil, noun: String, column: String,
         repository: @escaping (AppController) -> Repository, afterChange: @escaping (AppController) -> Void) {
        self.title = title
        self.longTitle = longTitle ?? title
        self.noun = noun
        self.column = column
        self.repository = repository
        self.afterChange = afterChange
    }

    var rowCount: Int { rows.count }

    func reload(app: AppController) {
        rows = app.attempt("Could not read the \(noun) list") { try repository(app).list() } ?? rows
    }

    private var actions: SettingsRowActions<Repository.Record> {
        SettingsRowActions(
            noun: noun, name: \.name, form: { [unowned self] row, app in form(editing: row, app: app) },
            delete: { [repository] row, app in try repository(app).delete(id: row.id, expectedVersion: row.version) },
            reorder: { [repository] ids, app in _ = try repository(app).reorder(ids) },
            reload: { [unowned self] app in
                afterChange(app)
                reload(app: app)
            })
    }

    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        actions.commands(rows: rows, selected: selected, select: select)
    }

    /// The one-field form that creates or renames a type.
    private func form(editing row: Repository.Record?, app: AppController) -> FormScreen {
        let title = row.map { "Settings › \(longTitle) › \($0.name)" } ?? "Settings › New \(noun)"
        let fields = { (name: String) in [FormField(NamedTypeField.name, required: true, text: name)] }
        let version = row.map(EditedVersion.init(of:))
        return FormScreen(section: .settings, title: title, fields: fields(row?.name ?? "")) { [repository, afterChange, noun] values, app in
            let name = values[NamedTypeField.name]?.value ?? ""
            let problems = Repository.Record.validateName(name)
            guard problems.isEmpty else { return .invalid(FormConflict.byField(problems)) }
            return FormConflict.outcome {
                if let row, let version {
                    _ = try version.save({ try repository(app).rename(id: row.id, to: name, expectedVersion: $0) },
                                         showing: { fields($0.name) })
                } else {
                    _ = try repository(app).create(name: name)
                }
                afterChange(app)
                return "Saved the \(noun) “\(name)”"
            }
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        TableView.render(rows, columns: [
            TableColumn(column, minWidth: 20, weight: 1) { $0.name },
            TableColumn(NamedTypeField.position.spec.label, minWidth: 5, alignRight: true) { String($0.position) },
        ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: rect, theme: app.theme)
    }
}
