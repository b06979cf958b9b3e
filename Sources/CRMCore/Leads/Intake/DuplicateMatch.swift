import Foundation

/// Which identity keys two leads share (LP-7): what intake flags and the merge screen explains
/// ("matched on e-mail and phone"). Intake links a duplicate to its original; it never merges.
public struct DuplicateMatch: Sendable, Hashable, CustomStringConvertible {
    /// One kind of normalised key.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case email, phone, nameCompany

        public var label: String {
            switch self {
            case .email: "e-mail"
            case .phone: "phone"
            case .nameCompany: "name and company"
            }
        }
    }

    /// The shared keys, in the order e-mail, phone, name and company.
    public let keys: [Key]

    /// The keys `lhs` and `rhs` share, or `nil` when they share none.
    public init?(_ lhs: LeadIdentity, _ rhs: LeadIdentity) {
        var keys: [Key] = []
        if let email = lhs.normalisedEmail, email == rhs.normalisedEmail { keys.append(.email) }
        if !lhs.normalisedPhones.isDisjoint(with: rhs.normalisedPhones) { keys.append(.phone) }
        if let nameCompany = lhs.nameCompanyKey, nameCompany == rhs.nameCompanyKey { keys.append(.nameCompany) }
        guard !keys.isEmpty else { return nil }
        self.keys = keys
    }

    /// "matched on e-mail, phone and name and company".
    public var description: String {
        let labels = keys.map(\.label)
        let list = labels.count > 1
            ? labels.dropLast().joined(separator: ", ") + " and " + labels.last!
            : labels[0]
        return "matched on " + list
    }
}
