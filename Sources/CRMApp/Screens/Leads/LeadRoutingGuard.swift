import CRMCore

/// The commands that change lead routing (rules, splitter filters, runs), which only roles that
/// set up routing may run: others are told so at the key, before filling in a form.
enum LeadRoutingGuard {
    static let changes: Set<CommandID> = [
        .recordNew, .recordEdit, .recordDelete, .recordMoveUp, .recordMoveDown, .recordActiveToggle,
        .splitterRun, .splitterRunAll,
    ]

    /// `commands` with the routing changes unavailable, with the role's reason, when the user
    /// may not make them.
    static func guarding(_ commands: [Command], app: AppController) -> [Command] {
        guard let refusal = app.session.user.role.leadRoutingRefusal else { return commands }
        return commands.map { command in
            guard changes.contains(command.id) else { return command }
            var refused = command
            refused.unavailableReason = refusal
            return refused
        }
    }
}
