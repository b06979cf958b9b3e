extension CommandID {
    public static let partnerConsultantNew = CommandID(rawValue: "partner.consultant.new")
    public static let partnerConsultantRemove = CommandID(rawValue: "partner.consultant.remove")
    public static let partnerOpportunityNew = CommandID(rawValue: "partner.opportunity.new")
    public static let partnerActivityNew = CommandID(rawValue: "partner.activity.new")
}

extension CommandRegistry {
    /// The PA-2 actions bound in the `partner` context: the partner list puts them after its list
    /// keys, the partner detail before its detail keys.
    static let partners: [CommandSpec] = [
        CommandSpec(.partnerConsultantNew, "New consultant (a personal contact of the partner)", .partner,
                    label: "New consultant"),
        CommandSpec(.partnerConsultantRemove, "Remove the selected consultant from the partner (the contact stays)",
                    .partner, label: "Remove consultant", caution: .destructive),
        CommandSpec(.partnerOpportunityNew, "New opportunity assigned to the partner", .partner,
                    label: "New opportunity"),
        CommandSpec(.partnerActivityNew, "Add a sales activity to the partner", .partner, label: "Add activity"),
    ]
}
