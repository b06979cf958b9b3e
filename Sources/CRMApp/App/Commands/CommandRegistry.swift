/// Every command the app knows. Keymaps are validated against it, and the help overlay,
/// the palette, the sidebar and docs/keybindings.md are generated from it.
public enum CommandRegistry {
    public static let all: [CommandSpec] = navigation + cursor + records + opportunities + partners + board + leads + tasks + forms + popups

    static let navigation: [CommandSpec] = [
        CommandSpec(.appQuit, "Quit crm", .global, caution: .exit),
        CommandSpec(.helpShow, "Show the keys of this screen", .global),
        CommandSpec(.paletteOpen, "Open the command palette", .global),
        CommandSpec(.gotoRecord, "Go to a record by name", .global),
        CommandSpec(.screenBack, "Back / close", .global, inPalette: false),
        CommandSpec(.screenRedraw, "Redraw the screen", .global),
        CommandSpec(.sidebarFocus, "Choose an action from the sidebar", .global, label: "Actions"),
        CommandSpec(.sectionNext, "Next section of the menu", .global),
        CommandSpec(.sectionPrev, "Previous section of the menu", .global),
    ] + Section.allCases.map { CommandSpec($0.command, "Go to \($0.title)", .global) }

    static let cursor: [CommandSpec] = [
        CommandSpec(.cursorDown, "Move down", .list, inPalette: false),
        CommandSpec(.cursorUp, "Move up", .list, inPalette: false),
        CommandSpec(.cursorPageDown, "Page down", .list, inPalette: false),
        CommandSpec(.cursorPageUp, "Page up", .list, inPalette: false),
        CommandSpec(.cursorStart, "Jump to the first row", .list, inPalette: false),
        CommandSpec(.cursorEnd, "Jump to the last row", .list, inPalette: false),
        CommandSpec(.filterEdit, "Quick filter (type to narrow the list)", .list, label: "Filter"),
        CommandSpec(.filterClear, "Clear the quick filter", .list),
        CommandSpec(.sortNext, "Sort by the next column", .list, label: "Sort"),
        CommandSpec(.sortReverse, "Reverse the sort order", .list, label: "Reverse sort"),
        CommandSpec(.tabNext, "Next tab", .list, label: "Next view"),
        CommandSpec(.tabPrev, "Previous tab", .list),
    ]

    static let records: [CommandSpec] = [
        CommandSpec(.recordOpen, "Open the selected record", .list, label: "Open"),
        CommandSpec(.recordNew, "New record", .list, label: "New"),
        CommandSpec(.recordEdit, "Edit", .list),
        CommandSpec(.recordDelete, "Delete", .list, caution: .destructive),
        CommandSpec(.recordFavourite, "Toggle favourite", .list, label: "Favourite"),
        CommandSpec(.recordAnonymize, "Anonymize (erase personal data)", .list, label: "Anonymize",
                    caution: .destructive),
        CommandSpec(.menuContext, "Actions on the selected row", .list, label: "More…"),
        CommandSpec(.filterSaved, "Saved filters: apply, save the current view, manage", .list, label: "Saved filters"),
        CommandSpec(.columnsChoose, "Choose the columns shown", .list, label: "Columns"),
        CommandSpec(.filterDefault, "Make the saved filter a role's default", .settings, label: "Role default"),
        CommandSpec(.recordMoveUp, "Move the selected row up (order)", .settings, label: "Move up"),
        CommandSpec(.recordMoveDown, "Move the selected row down (order)", .settings, label: "Move down"),
        CommandSpec(.currencyBaseEdit, "Change the base currency", .settings, label: "Base currency"),
        CommandSpec(.recordActiveToggle, "Switch the selected rule on or off", .settings, label: "On/off"),
        CommandSpec(.detailContactNew, "New employee (personal contact)", .detail, label: "New employee"),
    ]

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

    static let board: [CommandSpec] = [
        CommandSpec(.boardColumnNext, "Next column (status)", .board, inPalette: false),
        CommandSpec(.boardColumnPrev, "Previous column (status)", .board, inPalette: false),
        CommandSpec(.boardMoveNext, "Move the card to the next status", .board, label: "Move →"),
        CommandSpec(.boardMovePrev, "Move the card to the previous status", .board, label: "Move ←"),
        CommandSpec(.boardBreakdown, "Show or hide the totals per currency", .board, label: "Currencies"),
    ]

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

    static let forms: [CommandSpec] = [
        CommandSpec(.formSave, "Save", .form),
        CommandSpec(.formCancel, "Cancel (discard changes)", .form, label: "Cancel", caution: .destructive),
        CommandSpec(.fieldNext, "Next field", .form, inPalette: false),
        CommandSpec(.fieldPrev, "Previous field", .form, inPalette: false),
        CommandSpec(.fieldPick, "Open the picker of this field (calendar, list, search)", .form, label: "Picker"),
        CommandSpec(.formLineAdd, "Add a line (a condition of a lead rule)", .form, label: "Add line"),
        CommandSpec(.formLineRemove, "Remove the focused line", .form, label: "Remove line"),
    ]

    static let popups: [CommandSpec] = [
        CommandSpec(.popupAccept, "Choose", .popup, inPalette: false),
        CommandSpec(.popupClose, "Close", .popup, inPalette: false),
        CommandSpec(.popupYes, "Answer yes", .popup, inPalette: false),
        CommandSpec(.popupNo, "Answer no", .popup, inPalette: false),
    ]

    private static let byID: [CommandID: CommandSpec] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func spec(_ id: CommandID) -> CommandSpec? { byID[id] }
    public static func title(_ id: CommandID) -> String { byID[id]?.title ?? id.rawValue }
    public static func label(_ id: CommandID) -> String { byID[id]?.label ?? id.rawValue }
}

extension CommandRegistry {
    /// The moves of a list's cursor, which every list-like screen takes.
    static let cursorMoves: Set<CommandID> = [
        .cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp, .cursorStart, .cursorEnd,
    ]

    /// A one-word title for the status-line hints.
    static func hintTitle(_ id: CommandID) -> String {
        switch id {
        case .helpShow: return "help"
        case .paletteOpen: return "commands"
        case .gotoRecord: return "go to"
        case .sidebarFocus: return "actions"
        case .screenBack: return "back"
        case .formSave: return "save"
        case .formCancel: return "cancel"
        case .fieldNext: return "next field"
        case .boardColumnNext, .boardColumnPrev: return "column"
        case .boardMoveNext, .boardMovePrev: return "move"
        case .boardBreakdown: return "currencies"
        case .cursorDown, .cursorUp: return "card"
        case .filterEdit: return "filter"
        default: return title(id)
        }
    }
}
