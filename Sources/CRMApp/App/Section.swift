/// The sections of the global menu bar (SH-1), in the order the menu shows them.
public enum Section: String, CaseIterable, Sendable {
    case crm, leads, opportunities, accounts, contacts, partners, campaigns, contracts
    case priceBooks, tasks, settings

    public var title: String {
        switch self {
        case .crm: return "CRM"
        case .leads: return "Leads"
        case .opportunities: return "Opportunities"
        case .accounts: return "Accounts"
        case .contacts: return "Contacts"
        case .partners: return "Partners"
        case .campaigns: return "Campaigns"
        case .contracts: return "Contracts"
        case .priceBooks: return "Price books"
        case .tasks: return "Tasks"
        case .settings: return "Settings"
        }
    }

    /// The command that jumps here (`go.accounts`).
    public var command: CommandID {
        CommandID(rawValue: "go." + (self == .priceBooks ? "pricebooks" : rawValue))
    }

    /// Spec IDs of what this section will hold, shown on its "coming" page.
    public var plannedFeatures: String {
        switch self {
        case .crm: return "Dashboards with modules, baselines and goals (DB-1…DB-6), the triage queue (TR-1)"
        case .leads: return "Lead lists, qualify/disqualify, the lead processor and intake endpoint (LD-*, LP-*)"
        case .opportunities: return "Opportunity lists, the Kanban board, quotes and Sold (OP-*, QT-*)"
        case .campaigns: return "Campaigns with budgets and results (CA-1…CA-3)"
        case .contracts: return "Contracts created by Sold, per type, with upsell (CT-1…CT-4)"
        case .priceBooks: return "Price books, products, units and bundles (PB-1…PB-5)"
        case .tasks: return "Projects and tasks with primary accounts (PR-1…PR-3)"
        case .accounts, .contacts, .partners, .settings: return ""
        }
    }
}
