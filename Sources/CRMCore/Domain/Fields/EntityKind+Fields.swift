extension EntityKind {
    /// The declaration of the field the journal of this kind of record names `key`, or `nil`
    /// for a key no record declares (the history then shows the key itself).
    public func field(journalKey key: String) -> FieldSpec? {
        switch self {
        case .account: AccountDraft.Field(rawValue: key)?.spec
        case .contact: ContactDraft.Field(rawValue: key)?.spec ?? ContactDraft.Event(rawValue: key)?.spec
        case .partner: PartnerDraft.Field(rawValue: key)?.spec
        case .accountType: AccountTypeDraft.Field(rawValue: key)?.spec ?? NamedTypeField(rawValue: key)?.spec
        case .contactType, .activityCategory, .lostReason: NamedTypeField(rawValue: key)?.spec
        case .opportunityStatus: OpportunityStatusDraft.Field(rawValue: key)?.spec
        case .opportunity: OpportunityDraft.Field(rawValue: key)?.spec ?? OpportunityDraft.Event(rawValue: key)?.spec
        case .task: TaskDraft.Field(rawValue: key)?.spec ?? TaskDraft.Event(rawValue: key)?.spec
        case .project: ProjectDraft.Field(rawValue: key)?.spec
        case .salesActivity: SalesActivityDraft.Field(rawValue: key)?.spec
        case .lead: LeadDraft.Field(rawValue: key)?.spec ?? LeadDraft.Event(rawValue: key)?.spec
        case .leadRule: LeadRule.Field(rawValue: key)?.spec
        default: nil
        }
    }
}
