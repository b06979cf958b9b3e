/// What a user may do in the CRM (ST-1); the raw value is the spelling used on the command line.
///
/// Roles are fixed in code because permission checks (ST-2, ST-3) branch on them; the titles are
/// what the interface shows.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case admin
    case salesDirector = "sales-director"
    case salesRep = "sales-rep"
    case partner

    /// The human name of the role, for status lines and user lists.
    public var title: String {
        switch self {
        case .admin: "Administrator"
        case .salesDirector: "Sales director"
        case .salesRep: "Sales representative"
        case .partner: "Partner"
        }
    }

    /// Whether the role sets up lead routing (rules, splitter filters and their runs): that
    /// decides the owner of every incoming lead, so administrators and sales directors only.
    public var managesLeadRouting: Bool { self == .admin || self == .salesDirector }

    /// Why a user of this role may not change lead routing, or `nil` when they may.
    public var leadRoutingRefusal: String? {
        managesLeadRouting ? nil : "Only administrators and sales directors change how leads are routed."
    }
}
