import CRMCore

extension AppDatabase {
    /// The filter fields of account lists, with the current users and account types.
    public func accountFilterCatalog() throws -> FilterCatalog {
        try read { try FilterCatalog.accounts($0) }
    }

    /// The filter fields of personal-contact lists, with the current users and contact types.
    public func contactFilterCatalog() throws -> FilterCatalog {
        try read { try FilterCatalog.contacts($0) }
    }

    /// The filter fields of partner lists, with the current users.
    public func partnerFilterCatalog() throws -> FilterCatalog {
        try read { try FilterCatalog.partners($0) }
    }

    /// The filter fields of opportunity lists and the board, with the current users, statuses,
    /// projects, partners and lost reasons.
    public func opportunityFilterCatalog() throws -> FilterCatalog {
        try read { try FilterCatalog.opportunities($0) }
    }

    /// The filter fields of lead lists and splitter filters, with the current users, statuses,
    /// campaigns, partners, projects and splitter filters.
    public func leadFilterCatalog() throws -> FilterCatalog {
        try read { try FilterCatalog.leads($0) }
    }
}
