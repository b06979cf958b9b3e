extension CommandID {
    public static let opportunityActivityNew = CommandID(rawValue: "opportunity.activity.new")
    public static let opportunityProjectMove = CommandID(rawValue: "opportunity.project.move")
    public static let opportunityTaskAdd = CommandID(rawValue: "opportunity.task.add")
    public static let opportunityAccountAdd = CommandID(rawValue: "opportunity.account.add")
    public static let opportunityRoleAdd = CommandID(rawValue: "opportunity.role.add")
    public static let opportunityPartnerAssign = CommandID(rawValue: "opportunity.partner.assign")
    public static let opportunityCopy = CommandID(rawValue: "opportunity.copy")
    public static let opportunityStatusMove = CommandID(rawValue: "opportunity.status.move")
}

extension CommandRegistry {
    /// The OP-5 actions bound in the `opportunity` context, which the list, the board and the
    /// detail view of opportunities put before their own.
    static let opportunities: [CommandSpec] = [
        CommandSpec(.opportunityActivityNew, "Add a sales activity", .opportunity, label: "Add activity"),
        CommandSpec(.opportunityProjectMove, "Move to another project", .opportunity, label: "Move to project"),
        CommandSpec(.opportunityTaskAdd, "Add a related task (existing or new)", .opportunity, label: "Add task"),
        CommandSpec(.opportunityAccountAdd, "Add a related account (existing or new)", .opportunity, label: "Add account"),
        CommandSpec(.opportunityRoleAdd, "Add a business role (a contact and their role)", .opportunity,
                    label: "Add business role"),
        CommandSpec(.opportunityPartnerAssign, "Assign to a partner", .opportunity, label: "Assign partner"),
        CommandSpec(.opportunityCopy, "Copy the opportunity", .opportunity, label: "Copy"),
        CommandSpec(.opportunityStatusMove, "Move to another status (pick it)", .opportunity, label: "Move to status"),
    ]
}
