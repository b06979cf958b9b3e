/// The text form of a distribution, "alice=50, bob=30, carol=20": logins with their weights, as
/// `crm rules add --distribute` and the rule form's distribution field take them.
public enum SellerShareSyntax {
    /// Reads the shares; `userID` finds a user by login (`nil`: no such user).
    public static func parse(_ text: String,
                             userID: (String) -> Int64?) throws(LeadConditionSyntaxError) -> [SellerShare] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw LeadConditionSyntaxError("List the sellers as LOGIN=WEIGHT, e.g. ‘alice=50, bob=50’.") }
        var shares: [SellerShare] = []
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let weight = Int64(pair[1]) else {
                throw LeadConditionSyntaxError("Write each seller as LOGIN=WEIGHT, not ‘\(part)’.")
            }
            guard let id = userID(pair[0]) else { throw LeadConditionSyntaxError("There is no user ‘\(pair[0])’.") }
            shares.append(SellerShare(sellerID: id, weight: weight))
        }
        return shares
    }

    /// The shares as text; `login` names a user by id.
    public static func format(_ shares: [SellerShare], login: (Int64) -> String) -> String {
        shares.map { "\(login($0.sellerID))=\($0.weight)" }.joined(separator: ", ")
    }
}
