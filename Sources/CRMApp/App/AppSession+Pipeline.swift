import CRMCore
import CRMStore

/// The pipeline repositories (OP-*), as the logged-in user sees them.
extension AppSession {
    public var opportunities: OpportunityRepository { database.opportunities(actingAs: user) }
    public var opportunityStatuses: OpportunityStatusRepository { database.opportunityStatuses(actingAs: user) }
    public var moneySettings: MoneySettingsRepository { database.moneySettings(actingAs: user) }
    public var opportunityRelations: OpportunityRelations { database.opportunityRelations(actingAs: user) }
    public var leads: LeadRepository { database.leads(actingAs: user) }
    public var leadSplitter: LeadSplitterRepository { database.leadSplitter(actingAs: user) }
    public var partners: PartnerRepository { database.partners(actingAs: user) }
    public var lostReasons: LostReasonRepository { database.lostReasons(actingAs: user) }
}
