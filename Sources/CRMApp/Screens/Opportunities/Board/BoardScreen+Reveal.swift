import CRMCore

extension BoardScreen {
    /// A new opportunity made from the board (`n`) is selected in its column.
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == .opportunity,
              let card = app.attempt("Could not show the new opportunity", { try app.session.opportunities.get(id: record.id) })
        else { return false }
        follow = card
        needsReload = true
        return true
    }
}
