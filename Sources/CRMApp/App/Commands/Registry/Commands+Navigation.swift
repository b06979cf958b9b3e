extension CommandID {
    public static let appQuit = CommandID(rawValue: "app.quit")
    public static let helpShow = CommandID(rawValue: "help.show")
    public static let paletteOpen = CommandID(rawValue: "palette.open")
    public static let gotoRecord = CommandID(rawValue: "goto.record")
    public static let screenBack = CommandID(rawValue: "screen.back")
    public static let screenRedraw = CommandID(rawValue: "screen.redraw")
    public static let sidebarFocus = CommandID(rawValue: "sidebar.focus")
    public static let sectionNext = CommandID(rawValue: "section.next")
    public static let sectionPrev = CommandID(rawValue: "section.prev")
    public static let goCrm = CommandID(rawValue: "go.crm")
    public static let goLeads = CommandID(rawValue: "go.leads")
    public static let goOpportunities = CommandID(rawValue: "go.opportunities")
    public static let goAccounts = CommandID(rawValue: "go.accounts")
    public static let goContacts = CommandID(rawValue: "go.contacts")
    public static let goPartners = CommandID(rawValue: "go.partners")
    public static let goCampaigns = CommandID(rawValue: "go.campaigns")
    public static let goContracts = CommandID(rawValue: "go.contracts")
    public static let goPricebooks = CommandID(rawValue: "go.pricebooks")
    public static let goTasks = CommandID(rawValue: "go.tasks")
    public static let goSettings = CommandID(rawValue: "go.settings")
}

extension CommandRegistry {
    static let navigation: [CommandSpec] = [
        CommandSpec(.appQuit, "Quit crm", .global, caution: .exit),
        CommandSpec(.helpShow, "Show the keys of this screen", .global, hint: "help"),
        CommandSpec(.paletteOpen, "Open the command palette", .global, hint: "commands"),
        CommandSpec(.gotoRecord, "Go to a record by name", .global, hint: "go to"),
        CommandSpec(.screenBack, "Back / close", .global, hint: "back", inPalette: false),
        CommandSpec(.screenRedraw, "Redraw the screen", .global),
        CommandSpec(.sidebarFocus, "Choose an action from the sidebar", .global, hint: "actions", label: "Actions"),
        CommandSpec(.sectionNext, "Next section of the menu", .global),
        CommandSpec(.sectionPrev, "Previous section of the menu", .global),
    ] + Section.allCases.map { CommandSpec($0.command, "Go to \($0.title)", .global) }
}
