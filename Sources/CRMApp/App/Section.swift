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
        switch self {
        case .crm: .goCrm
        case .leads: .goLeads
        case .opportunities: .goOpportunities
        case .accounts: .goAccounts
        case .contacts: .goContacts
        case .partners: .goPartners
        case .campaigns: .goCampaigns
        case .contracts: .goContracts
        case .priceBooks: .goPricebooks
        case .tasks: .goTasks
        case .settings: .goSettings
        }
    }

    /// What the section holds, in a salesperson's words; the "coming" pages list the sections
    /// that are ready with it.
    public var summary: String {
        switch self {
        case .crm: return "your start page"
        case .leads: return "new enquiries to qualify and follow up"
        case .opportunities: return "deals on the board and in lists"
        case .accounts: return "the companies you sell to"
        case .contacts: return "the people you deal with"
        case .partners: return "resellers and their consultants"
        case .campaigns: return "marketing campaigns"
        case .contracts: return "what your customers bought"
        case .priceBooks: return "products and prices"
        case .tasks: return "your to-dos and projects"
        case .settings: return "statuses, currencies, users, lead rules"
        }
    }

    /// What the section will do, on its "coming" page while it is not built yet.
    public var plannedFeatures: String {
        switch self {
        case .crm:
            return "Your start page: your pipeline, your results against your goals, and a queue of the leads and "
                + "deals waiting for you."
        case .campaigns:
            return "Plan marketing campaigns with their budgets and dates, and see the leads, deals and revenue "
                + "each one brought in."
        case .contracts:
            return "What your customers bought: a contract for every product of a won deal, listed by type, and "
                + "renewals you can turn into new deals."
        case .priceBooks:
            return "Your products and their prices in each currency, bundles, and the price books you build "
                + "quotes from."
        case .leads, .opportunities, .accounts, .contacts, .partners, .tasks, .settings: return ""
        }
    }
}
