extension CommandID {
    public static let listGroup = CommandID(rawValue: "list.group")
    public static let taskAccountRelate = CommandID(rawValue: "task.account.relate")
    public static let taskAccountPrimary = CommandID(rawValue: "task.account.primary")
    public static let taskUnrelate = CommandID(rawValue: "task.unrelate")
    public static let taskOpportunityRelate = CommandID(rawValue: "task.opportunity.relate")
}

extension CommandRegistry {
    /// Tasks and their links (PR-2).
    static let tasks: [CommandSpec] = [
        CommandSpec(.listGroup, "Group the list (tasks by primary account, opportunities by status) on/off", .list,
                    label: "Group"),
        CommandSpec(.taskAccountRelate, "Relate an account to the task", .detail, label: "Relate account"),
        CommandSpec(.taskAccountPrimary, "Make the selected related account primary", .detail, label: "Make primary"),
        CommandSpec(.taskUnrelate, "Unrelate the selected account or opportunity", .detail, label: "Unrelate",
                    caution: .destructive),
        CommandSpec(.taskOpportunityRelate, "Relate an opportunity to the task", .detail, label: "Relate opportunity"),
    ]
}
