import CRMCore

/// The commands that change lead routing (rules, splitter filters, runs), which only roles that
/// set up routing may run: others are told so at the key, before filling in a form.
enum LeadRoutingGuard {
    static let changes: Set<CommandID> = [
        "record.new", "record.edit", "record.delete", "record.move.up", "record.move.down", "record.active.toggle",
        "splitter.run", "splitter.runAll",
    ]

    /// True when `command` is a change the user may not make; the refusal is then shown.
    static func refuses(_ command: CommandID, app: AppController) -> Bool {
        guard changes.contains(command), let refusal = app.session.user.role.leadRoutingRefusal else { return false }
        app.show(error: refusal)
        return true
    }
}
