/// The record a sales activity is about (SA-1): exactly one opportunity, account, partner or
/// lead (LD-10).
public enum ActivityTarget: Sendable, Hashable {
    case opportunity(Int64)
    case account(Int64)
    case partner(Int64)
    case lead(Int64)

    /// The id of the opportunity, account, partner or lead.
    public var id: Int64 {
        switch self {
        case .opportunity(let id), .account(let id), .partner(let id), .lead(let id): id
        }
    }

    /// The kind of record, for messages and the journal.
    public var entity: EntityKind {
        switch self {
        case .opportunity: .opportunity
        case .account: .account
        case .partner: .partner
        case .lead: .lead
        }
    }

    public var opportunityID: Int64? { if case .opportunity(let id) = self { id } else { nil } }
    public var accountID: Int64? { if case .account(let id) = self { id } else { nil } }
    public var partnerID: Int64? { if case .partner(let id) = self { id } else { nil } }
    public var leadID: Int64? { if case .lead(let id) = self { id } else { nil } }
}
