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

    /// The commands `handle` takes.
    var commands: Set<CommandID> {
        let edits: Set<CommandID> = ["record.new", "record.edit", "record.open", "record.delete"]
        return reorder == nil ? edits : edits.union(["record.move.up", "record.move.down"])
    }

    func handle(_ command: CommandID, rows: [Row], selected: inout Int, app: AppController) -> Bool {
        let row = rows.indices.contains(selected) ? rows[selected] : nil
        switch command {
        case "record.new":
            app.push(form(nil, app))
        case "record.edit", "record.open":
            if let row { app.push(form(row, app)) }
        case "record.delete":
            guard let row else { return true }
            app.confirm("Delete the \(noun) “\(name(row))”?") { app in
                if app.attempt("Could not delete", { try delete(row, app) }) != nil {
                    reload(app)
                    app.show(message: "Deleted the \(noun) “\(name(row))”")
                }
            }
        default:
            guard let reorder, let step = RowMove.step(command) else { return false }
            guard let order = RowMove.moved(rows.map(\.id), index: selected, step: step) else { return true }
            if app.attempt("Could not reorder", { try reorder(order, app) }) != nil {
                selected += step
                reload(app)
            }
        }
        return true
    }
}
