/// Where each section of the menu bar starts: the first file to open when finding your way
/// around the screens. `g a` (or the menu) shows the Accounts list, `g o` the board, and so on;
/// a section without screens yet shows what is coming (`ComingSoonScreen`). A new section's
/// first screen is added here.
enum SectionScreens {
    static func first(in section: Section, app: AppController) -> Screen {
        builder(for: section)?(app) ?? ComingSoonScreen(section: section)
    }

    /// Whether the section has its own screens (else it shows what is coming).
    static func isBuilt(_ section: Section) -> Bool { builder(for: section) != nil }

    private static func builder(for section: Section) -> ((AppController) -> Screen)? {
        switch section {
        case .accounts: { AccountListScreen(app: $0) }
        case .contacts: { ContactListScreen(app: $0) }
        case .opportunities: { _ in BoardScreen() }
        case .settings: { SettingsScreen(app: $0) }
        case .leads: { LeadListScreen(app: $0) }
        case .tasks: { TasksHomeScreen(app: $0) }
        case .partners: { PartnerListScreen(app: $0) }
        case .crm, .campaigns, .contracts, .priceBooks: nil
        }
    }
}
