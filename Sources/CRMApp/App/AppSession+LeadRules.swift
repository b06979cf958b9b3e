import CRMCore
import CRMStore

extension AppSession {
    /// The lead routing rules (LP-3), managed in Settings → Lead rules.
    public var leadRules: LeadRuleRepository { database.leadRules(actingAs: user) }
}
