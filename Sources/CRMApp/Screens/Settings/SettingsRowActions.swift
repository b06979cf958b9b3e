import CRMCore

/// The record commands an ordered settings list shares: `n` new and `e` edit through a form,
/// `D` delete after a confirmation (refusals such as "still in use" shown as the message), and
/// `K`/`J` to move the selected row up or down.
struct SettingsRowActions<Row: Identifiable> where Row.ID == Int64 {
    let noun: String
    let name: (Row) -> String
    /// The form that creates (`nil`) or edits a row.
    let form: (Row?, AppController) -> Screen
    let delete: (Row, AppController) throws -> Void
    /// Stores the order of ids; `nil` for lists in a fixed order.
    let reorder: (([Int64], AppController) throws -> Void)?
    /// Reads the rows again (and refreshes what the session caches of them).
    let reload: (AppController) -> Void

    /// New, edit (also Enter) and delete (after a confirmation) of the row at `selected`, in
    /// the sidebar.
    func edits(rows: [Row], selected: Int) -> [Command] {
        let row = rows.indices.contains(selected) ? rows[selected] : nil
        let missing = "There is no \(noun) here"
        let edit = { (row: Row, app: AppController) in app.push(form(row, app)) }
        return [
            Command(.recordNew, [.sidebar]) { app in app.push(form(nil, app)) },
            Command.on(row, .recordEdit, [.sidebar], missing: missing, action: edit),
            Command.on(row, .recordOpen, missing: missing, action: edit),
            Command.on(row, .recordDelete, [.sidebar], missing: missing) { row, app in
                app.confirm("Delete the \(noun) “\(name(row))”?") { app in
                    if app.attempt("Could not delete", { try delete(row, app) }) != nil {
                        reload(app)
                        app.show(message: "Deleted the \(noun) “\(name(row))”")
                    }
                }
            },
        ]
    }

    /// `K`/`J`: the row at `selected` one place up or down (none for a list in a fixed order);
    /// `select` follows the row.
    func moves(rows: [Row], selected: Int, select: @escaping (Int) -> Void) -> [Command] {
        guard let reorder else { return [] }
        return [(CommandID.recordMoveUp, -1), (.recordMoveDown, 1)].map { id, step in
            Command(id, [.sidebar], unavailable: RowMove.moved(rows.map(\.id), index: selected, step: step) == nil
                        ? "The \(noun) cannot move further \(step < 0 ? "up" : "down")" : nil) { app in
                guard let order = RowMove.moved(rows.map(\.id), index: selected, step: step) else { return }
                if app.attempt("Could not reorder", { try reorder(order, app) }) != nil {
                    select(selected + step)
                    reload(app)
                }
            }
        }
    }

    /// Every row command: the edits, then the moves.
    func commands(rows: [Row], selected: Int, select: @escaping (Int) -> Void) -> [Command] {
        edits(rows: rows, selected: selected) + moves(rows: rows, selected: selected, select: select)
    }
}
