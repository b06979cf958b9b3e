/// The record a sales activity is about (SA-1): exactly one opportunity, account or partner.
/// Leads join when they exist.
public enum ActivityTarget: Sendable, Hashable {
    case opportunity(Int64)
    case account(Int64)
    case partner(Int64)

    /// The id of the opportunity, account or partner.
    public var id: Int64 {
        switch self {
        case .opportunity(let id), .account(let id), .partner(let id): id
        }
    }

    /// The kind of record, for messages and the journal.
    public var entity: EntityKind {
        switch self {
        case .opportunity: .opportunity
        case .account: .account
        case .partner: .partner
        }
    }

    public var opportunityID: Int64? { if case .opportunity(let id) = self { id } else { nil } }
    public var accountID: Int64? { if case .account(let id) = self { id } else { nil } }
    public var partnerID: Int64? { if case .partner(let id) = self { id } else { nil } }
}
