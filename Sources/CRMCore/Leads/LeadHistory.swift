import Foundation

/// What happened to a lead after it arrived: what it was added to or became (LD-5, LD-7), why it
/// was disqualified (LD-6), whether it was anonymized (LD-9), how it came in and was routed
/// (LP-1, LP-3) and which splitter filter shared it (LP-6). Kept apart from `LeadDraft` because
/// none of it is typed into the lead form; actions set it.
public struct LeadHistory: Sendable, Hashable {
    /// The account the lead was added to or that qualifying created or chose.
    public var accountID: Int64?
    /// The personal contact qualifying created or chose.
    public var contactID: Int64?
    /// The opportunity the lead became.
    public var opportunityID: Int64?
    public var qualifiedAt: Date?
    /// Why it was disqualified, in the user's words (LD-6); empty otherwise.
    public var disqualifyReason: String
    /// Set once the personal data was erased (LD-9).
    public var anonymizedAt: Date?
    /// The API key that sent the lead; `nil` for leads typed in.
    public var apiKeyID: Int64?
    /// The rule that routed it; `nil` when no rule matched or it was typed in.
    public var routingRuleID: Int64?
    /// Why the lead went where it went, e.g. "Rule 2 ‘DACH web leads’: country is DE …".
    public var routingExplanation: String
    /// The splitter filter that shared the lead among users; `nil` while unprocessed.
    public var splitFilterID: Int64?
    /// The shares recorded for the lead by a splitter filter, largest first, as display text:
    /// "Carol 34%, Alice 33%, Bob 33%"; empty when it has none.
    public var shares: String

    public init(accountID: Int64? = nil, contactID: Int64? = nil, opportunityID: Int64? = nil, qualifiedAt: Date? = nil,
                disqualifyReason: String = "", anonymizedAt: Date? = nil, apiKeyID: Int64? = nil,
                routingRuleID: Int64? = nil, routingExplanation: String = "", splitFilterID: Int64? = nil,
                shares: String = "") {
        self.accountID = accountID
        self.contactID = contactID
        self.opportunityID = opportunityID
        self.qualifiedAt = qualifiedAt
        self.disqualifyReason = disqualifyReason
        self.anonymizedAt = anonymizedAt
        self.apiKeyID = apiKeyID
        self.routingRuleID = routingRuleID
        self.routingExplanation = routingExplanation
        self.splitFilterID = splitFilterID
        self.shares = shares
    }
}
