/// A person's part in one deal (OP-5 "add business role"): a personal contact with a free-text
/// role such as "decision maker" or "technical buyer".
public struct BusinessRole: Sendable, Hashable, Identifiable {
    /// What the "add business role" form asks, declared once for the form and the store's checks.
    public enum Field: String, DeclaredField {
        case contact, role

        public var spec: FieldSpec {
            switch self {
            case .contact: FieldSpec("Contact", .reference(.contact))
            case .role: FieldSpec("Role", .line)
            }
        }
    }

    public var id: Int64
    public var opportunityID: Int64
    public var contactID: Int64
    public var contactName: String
    public var accountName: String?
    public var role: String

    public init(id: Int64, opportunityID: Int64, contactID: Int64, contactName: String, accountName: String?, role: String) {
        self.id = id
        self.opportunityID = opportunityID
        self.contactID = contactID
        self.contactName = contactName
        self.accountName = accountName
        self.role = role
    }
}
