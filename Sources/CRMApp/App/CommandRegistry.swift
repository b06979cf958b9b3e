/// Every command the app knows. Keymaps are validated against it, and the help overlay,
/// the palette, the sidebar and docs/keybindings.md are generated from it.
public enum CommandRegistry {
    public static let all: [CommandSpec] = navigation + cursor + records + opportunities + partners + board + leads + tasks + forms + popups

    static let navigation: [CommandSpec] = [
        CommandSpec("app.quit", "Quit crm", .global, caution: .exit),
        CommandSpec("help.show", "Show the keys of this screen", .global),
        CommandSpec("palette.open", "Open the command palette", .global),
        CommandSpec("goto.record", "Go to a record by name", .global),
        CommandSpec("screen.back", "Back / close", .global, inPalette: false),
        CommandSpec("screen.redraw", "Redraw the screen", .global),
        CommandSpec("sidebar.focus", "Choose an action from the sidebar", .global, label: "Actions"),
        CommandSpec("section.next", "Next section of the menu", .global),
        CommandSpec("section.prev", "Previous section of the menu", .global),
    ] + Section.allCases.map { CommandSpec($0.command, "Go to \($0.title)", .global) }

    static let cursor: [CommandSpec] = [
        CommandSpec("cursor.down", "Move down", .list, inPalette: false),
        CommandSpec("cursor.up", "Move up", .list, inPalette: false),
        CommandSpec("cursor.page.down", "Page down", .list, inPalette: false),
        CommandSpec("cursor.page.up", "Page up", .list, inPalette: false),
        CommandSpec("cursor.start", "Jump to the first row", .list, inPalette: false),
        CommandSpec("cursor.end", "Jump to the last row", .list, inPalette: false),
        CommandSpec("filter.edit", "Quick filter (type to narrow the list)", .list, label: "Filter"),
        CommandSpec("filter.clear", "Clear the quick filter", .list),
        CommandSpec("sort.next", "Sort by the next column", .list, label: "Sort"),
        CommandSpec("sort.reverse", "Reverse the sort order", .list, label: "Reverse sort"),
        CommandSpec("tab.next", "Next tab", .list, label: "Next view"),
        CommandSpec("tab.prev", "Previous tab", .list),
        CommandSpec("detail.tab.next", "Next tab", .detail, label: "Next tab"),
        CommandSpec("detail.tab.prev", "Previous tab", .detail),
        CommandSpec("detail.down", "Scroll down", .detail, inPalette: false),
        CommandSpec("detail.up", "Scroll up", .detail, inPalette: false),
        CommandSpec("detail.page.down", "Scroll down a page", .detail, inPalette: false),
        CommandSpec("detail.page.up", "Scroll up a page", .detail, inPalette: false),
    ]

    static let records: [CommandSpec] = [
        CommandSpec("record.open", "Open the selected record", .list, label: "Open"),
        CommandSpec("record.new", "New record", .list, label: "New"),
        CommandSpec("record.edit", "Edit", .list),
        CommandSpec("record.delete", "Delete", .list, caution: .destructive),
        CommandSpec("record.favourite", "Toggle favourite", .list, label: "Favourite"),
        CommandSpec("record.anonymize", "Anonymize (erase personal data)", .list, label: "Anonymize",
                    caution: .destructive),
        CommandSpec("menu.context", "Actions on the selected row", .list, label: "More…"),
        CommandSpec("filter.saved", "Saved filters: apply, save the current view, manage", .list, label: "Saved filters"),
        CommandSpec("columns.choose", "Choose the columns shown", .list, label: "Columns"),
        CommandSpec("filter.default", "Make the saved filter a role's default", .settings, label: "Role default"),
        CommandSpec("record.move.up", "Move the selected row up (order)", .settings, label: "Move up"),
        CommandSpec("record.move.down", "Move the selected row down (order)", .settings, label: "Move down"),
        CommandSpec("currency.base.edit", "Change the base currency", .settings, label: "Base currency"),
        CommandSpec("record.active.toggle", "Switch the selected rule on or off", .settings, label: "On/off"),
        CommandSpec("detail.edit", "Edit", .detail),
        CommandSpec("detail.delete", "Delete", .detail, caution: .destructive),
        CommandSpec("detail.favourite", "Toggle favourite", .detail, label: "Favourite"),
        CommandSpec("detail.anonymize", "Anonymize (erase personal data)", .detail, label: "Anonymize",
                    caution: .destructive),
        CommandSpec("detail.contact.new", "New employee (personal contact)", .detail, label: "New employee"),
        CommandSpec("detail.open", "Open the selected row", .detail),
        CommandSpec("detail.menu", "Actions on this record", .detail, label: "More…"),
    ]

    /// The OP-5 actions bound in the `opportunity` context, which the list, the board and the
    /// detail view of opportunities put before their own.
    static let opportunities: [CommandSpec] = [
        CommandSpec("opportunity.activity.new", "Add a sales activity", .opportunity, label: "Add activity"),
        CommandSpec("opportunity.project.move", "Move to another project", .opportunity, label: "Move to project"),
        CommandSpec("opportunity.task.add", "Add a related task (existing or new)", .opportunity, label: "Add task"),
        CommandSpec("opportunity.account.add", "Add a related account (existing or new)", .opportunity, label: "Add account"),
        CommandSpec("opportunity.role.add", "Add a business role (a contact and their role)", .opportunity,
                    label: "Add business role"),
        CommandSpec("opportunity.partner.assign", "Assign to a partner", .opportunity, label: "Assign partner"),
        CommandSpec("opportunity.copy", "Copy the opportunity", .opportunity, label: "Copy"),
        CommandSpec("opportunity.status.move", "Move to another status (pick it)", .opportunity, label: "Move to status"),
    ]

    /// The PA-2 actions bound in the `partner` context: the partner list puts them after its list
    /// keys, the partner detail before its detail keys.
    static let partners: [CommandSpec] = [
        CommandSpec("partner.consultant.new", "New consultant (a personal contact of the partner)", .partner,
                    label: "New consultant"),
        CommandSpec("partner.consultant.remove", "Remove the selected consultant from the partner (the contact stays)",
                    .partner, label: "Remove consultant", caution: .destructive),
        CommandSpec("partner.opportunity.new", "New opportunity assigned to the partner", .partner,
                    label: "New opportunity"),
        CommandSpec("partner.activity.new", "Add a sales activity to the partner", .partner, label: "Add activity"),
    ]

    /// Tasks and their links (PR-2).
    static let tasks: [CommandSpec] = [
        CommandSpec("list.group", "Group the list (tasks by primary account, opportunities by status) on/off", .list,
                    label: "Group"),
        CommandSpec("task.account.relate", "Relate an account to the task", .detail, label: "Relate account"),
        CommandSpec("task.account.primary", "Make the selected related account primary", .detail, label: "Make primary"),
        CommandSpec("task.unrelate", "Unrelate the selected account or opportunity", .detail, label: "Unrelate",
                    caution: .destructive),
        CommandSpec("task.opportunity.relate", "Relate an opportunity to the task", .detail, label: "Relate opportunity"),
    ]

    static let board: [CommandSpec] = [
        CommandSpec("board.column.next", "Next column (status)", .board, inPalette: false),
        CommandSpec("board.column.prev", "Previous column (status)", .board, inPalette: false),
        CommandSpec("board.move.next", "Move the card to the next status", .board, label: "Move →"),
        CommandSpec("board.move.prev", "Move the card to the previous status", .board, label: "Move ←"),
        CommandSpec("board.breakdown", "Show or hide the totals per currency", .board, label: "Currencies"),
    ]

    /// Lead actions (LD-5…LD-10) bound in the `lead` context of the lead views and the lead detail, the merge screen's (LP-7) and
    /// the splitter control page's (LD-3, LP-6).
    static let leads: [CommandSpec] = [
        CommandSpec("lead.archive", "Archive or unarchive the lead", .lead, label: "Archive"),
        CommandSpec("lead.qualify", "Qualify: create the opportunity (and the account and contact when missing)", .lead,
                    label: "Qualify"),
        CommandSpec("lead.disqualify", "Disqualify with a status and a reason", .lead, label: "Disqualify"),
        CommandSpec("lead.take", "Take the lead from the free pool (assign it to me)", .lead, label: "Take"),
        CommandSpec("lead.route", "Route the lead again by the lead rules", .lead, label: "Route by rules"),
        CommandSpec("lead.account.add", "Add the lead to an existing account", .lead, label: "Add to account"),
        CommandSpec("lead.partner.add", "Add the lead to a partner", .lead, label: "Add to partner"),
        CommandSpec("lead.activity.new", "Add a sales activity to the lead", .lead, label: "Add activity"),
        CommandSpec("lead.merge", "Merge duplicate…", .lead, label: "Merge…"),
        CommandSpec("merge.take.left", "Take this field's value from the left lead", .merge, label: "Take left"),
        CommandSpec("merge.take.right", "Take this field's value from the right lead", .merge, label: "Take right"),
        CommandSpec("merge.confirm", "Merge the two leads (asks first)", .merge, label: "Merge", caution: .destructive),
        CommandSpec("lead.splitter", "Splitter control", .lead, label: "Splitter"),
        CommandSpec("splitter.run", "Run the selected splitter filter", .splitter, label: "Run"),
        CommandSpec("splitter.runAll", "Run all splitter filters in order", .splitter, label: "Run all"),
        CommandSpec("splitter.unprocessed", "Unprocessed leads (no filter took them)", .splitter, label: "Unprocessed"),
    ] + leadNavigation

    /// The Leads section's top menu (`LeadTabs`): a view picker, a command per view and page, and
    /// the period of the statistics and conversion pages.
    static let leadNavigation: [CommandSpec] = [
        CommandSpec("lead.view.pick", "Choose the lead view (open, no touch, incoming, …)", .lead, label: "Views"),
    ] + LeadListScreen.views.map {
        CommandSpec(LeadTabs.command(for: $0), "Lead view: \($0.title)", .lead, label: $0.title)
    } + [
        CommandSpec("lead.tab.intraday", "Lead page: intraday (today's leads by hour)", .lead, label: "Intraday"),
        CommandSpec("lead.tab.statistics", "Lead page: statistics by source, campaign and owner", .lead, label: "Statistics"),
        CommandSpec("lead.tab.conversions", "Lead page: conversion rates by source, campaign and owner", .lead,
                    label: "Conversions"),
        CommandSpec("lead.period.next", "Next period (today, this week, this month, all time)", .lead, label: "Period"),
        CommandSpec("lead.dimension.next", "Count by the next of source, campaign and owner", .lead, label: "By…"),
    ]

    static let forms: [CommandSpec] = [
        CommandSpec("form.save", "Save", .form),
        CommandSpec("form.cancel", "Cancel (discard changes)", .form, label: "Cancel", caution: .destructive),
        CommandSpec("field.next", "Next field", .form, inPalette: false),
        CommandSpec("field.prev", "Previous field", .form, inPalette: false),
        CommandSpec("field.pick", "Open the picker of this field (calendar, list, search)", .form, label: "Picker"),
        CommandSpec("form.line.add", "Add a line (a condition of a lead rule)", .form, label: "Add line"),
        CommandSpec("form.line.remove", "Remove the focused line", .form, label: "Remove line"),
    ]

    static let popups: [CommandSpec] = [
        CommandSpec("popup.down", "Next item", .popup, inPalette: false),
        CommandSpec("popup.up", "Previous item", .popup, inPalette: false),
        CommandSpec("popup.accept", "Choose", .popup, inPalette: false),
        CommandSpec("popup.close", "Close", .popup, inPalette: false),
        CommandSpec("popup.yes", "Answer yes", .popup, inPalette: false),
        CommandSpec("popup.no", "Answer no", .popup, inPalette: false),
    ]

    private static let byID: [CommandID: CommandSpec] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func title(_ id: CommandID) -> String { byID[id]?.title ?? id.rawValue }
    public static func label(_ id: CommandID) -> String { byID[id]?.label ?? id.rawValue }
}

extension CommandRegistry {
    /// The moves of a list's cursor, which every list-like screen takes.
    static let cursorMoves: Set<CommandID> = [
        "cursor.down", "cursor.up", "cursor.page.down", "cursor.page.up", "cursor.start", "cursor.end",
    ]

    /// A one-word title for the status-line hints.
    static func hintTitle(_ id: CommandID) -> String {
        switch id {
        case "help.show": return "help"
        case "palette.open": return "commands"
        case "goto.record": return "go to"
        case "sidebar.focus": return "actions"
        case "screen.back": return "back"
        case "form.save": return "save"
        case "form.cancel": return "cancel"
        case "field.next": return "next field"
        case "board.column.next", "board.column.prev": return "column"
        case "board.move.next", "board.move.prev": return "move"
        case "board.breakdown": return "currencies"
        case "cursor.down", "cursor.up": return "card"
        case "filter.edit": return "filter"
        default: return title(id)
        }
    }
}
