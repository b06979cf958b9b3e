extension CommandID {
    public static let leadArchive = CommandID(rawValue: "lead.archive")
    public static let leadQualify = CommandID(rawValue: "lead.qualify")
    public static let leadDisqualify = CommandID(rawValue: "lead.disqualify")
    public static let leadTake = CommandID(rawValue: "lead.take")
    public static let leadRoute = CommandID(rawValue: "lead.route")
    public static let leadAccountAdd = CommandID(rawValue: "lead.account.add")
    public static let leadPartnerAdd = CommandID(rawValue: "lead.partner.add")
    public static let leadActivityNew = CommandID(rawValue: "lead.activity.new")
    public static let leadMerge = CommandID(rawValue: "lead.merge")
    public static let mergeTakeLeft = CommandID(rawValue: "merge.take.left")
    public static let mergeTakeRight = CommandID(rawValue: "merge.take.right")
    public static let mergeConfirm = CommandID(rawValue: "merge.confirm")
    public static let leadSplitter = CommandID(rawValue: "lead.splitter")
    public static let splitterRun = CommandID(rawValue: "splitter.run")
    public static let splitterRunAll = CommandID(rawValue: "splitter.runAll")
    public static let splitterUnprocessed = CommandID(rawValue: "splitter.unprocessed")
    public static let leadViewPick = CommandID(rawValue: "lead.view.pick")
    public static let leadTabIntraday = CommandID(rawValue: "lead.tab.intraday")
    public static let leadTabStatistics = CommandID(rawValue: "lead.tab.statistics")
    public static let leadTabConversions = CommandID(rawValue: "lead.tab.conversions")
    public static let leadPeriodNext = CommandID(rawValue: "lead.period.next")
    public static let leadDimensionNext = CommandID(rawValue: "lead.dimension.next")
    public static let leadTabOpen = CommandID(rawValue: "lead.tab.open")
    public static let leadTabNoTouch = CommandID(rawValue: "lead.tab.noTouch")
    public static let leadTabIncoming = CommandID(rawValue: "lead.tab.incoming")
    public static let leadTabCallOn = CommandID(rawValue: "lead.tab.callOn")
    public static let leadTabFreePool = CommandID(rawValue: "lead.tab.freePool")
    public static let leadTabMine = CommandID(rawValue: "lead.tab.mine")
    public static let leadTabArchived = CommandID(rawValue: "lead.tab.archived")
    public static let leadTabClosed = CommandID(rawValue: "lead.tab.closed")
    public static let leadTabAll = CommandID(rawValue: "lead.tab.all")
}

extension CommandRegistry {
    /// Lead actions (LD-5…LD-10) bound in the `lead` context of the lead views and the lead detail, the merge screen's (LP-7) and
    /// the splitter control page's (LD-3, LP-6).
    static let leads: [CommandSpec] = [
        CommandSpec(.leadArchive, "Archive or unarchive the lead", .lead, label: "Archive"),
        CommandSpec(.leadQualify, "Qualify: create the opportunity (and the account and contact when missing)", .lead,
                    label: "Qualify"),
        CommandSpec(.leadDisqualify, "Disqualify with a status and a reason", .lead, label: "Disqualify"),
        CommandSpec(.leadTake, "Take the lead from the free pool (assign it to me)", .lead, label: "Take"),
        CommandSpec(.leadRoute, "Route the lead again by the lead rules", .lead, label: "Route by rules"),
        CommandSpec(.leadAccountAdd, "Add the lead to an existing account", .lead, label: "Add to account"),
        CommandSpec(.leadPartnerAdd, "Add the lead to a partner", .lead, label: "Add to partner"),
        CommandSpec(.leadActivityNew, "Add a sales activity to the lead", .lead, label: "Add activity"),
        CommandSpec(.leadMerge, "Merge duplicate…", .lead, label: "Merge…"),
        CommandSpec(.mergeTakeLeft, "Take this field's value from the left lead", .merge, label: "Take left"),
        CommandSpec(.mergeTakeRight, "Take this field's value from the right lead", .merge, label: "Take right"),
        CommandSpec(.mergeConfirm, "Merge the two leads (asks first)", .merge, label: "Merge", caution: .destructive),
        CommandSpec(.leadSplitter, "Splitter control", .lead, label: "Splitter"),
        CommandSpec(.splitterRun, "Run the selected splitter filter", .splitter, label: "Run"),
        CommandSpec(.splitterRunAll, "Run all splitter filters in order", .splitter, label: "Run all"),
        CommandSpec(.splitterUnprocessed, "Unprocessed leads (no filter took them)", .splitter, label: "Unprocessed"),
    ] + leadNavigation

    /// The Leads section's top menu (`LeadTabs`): a view picker, a command per view and page, and
    /// the period of the statistics and conversion pages.
    static let leadNavigation: [CommandSpec] = [
        CommandSpec(.leadViewPick, "Choose the lead view (open, no touch, incoming, …)", .lead, label: "Views"),
    ] + LeadListScreen.views.map {
        CommandSpec(LeadTabs.command(for: $0), "Lead view: \($0.title)", .lead, label: $0.title)
    } + [
        CommandSpec(.leadTabIntraday, "Lead page: intraday (today's leads by hour)", .lead, label: "Intraday"),
        CommandSpec(.leadTabStatistics, "Lead page: statistics by source, campaign and owner", .lead, label: "Statistics"),
        CommandSpec(.leadTabConversions, "Lead page: conversion rates by source, campaign and owner", .lead,
                    label: "Conversions"),
        CommandSpec(.leadPeriodNext, "Next period (today, this week, this month, all time)", .lead, label: "Period"),
        CommandSpec(.leadDimensionNext, "Count by the next of source, campaign and owner", .lead, label: "By…"),
    ]
}
