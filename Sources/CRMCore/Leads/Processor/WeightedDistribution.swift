/// A seller's id (a user id) in a distribution.
public typealias SellerID = Int64

/// One seller's weight in a distribution: 50/30/20 are weights 50, 30 and 20.
public struct SellerShare: Sendable, Hashable, Codable {
    public var sellerID: SellerID
    public var weight: Int64

    public init(sellerID: SellerID, weight: Int64) {
        self.sellerID = sellerID
        self.weight = weight
    }

    /// What is wrong with a list of shares, or `nil` when a distribution can use it.
    public static func problem(in shares: [SellerShare]) -> String? {
        if shares.isEmpty { return "A distribution needs at least one seller." }
        if shares.contains(where: { $0.weight <= 0 }) { return "Every seller's share must be a positive number." }
        if Set(shares.map(\.sellerID)).count != shares.count { return "A seller may appear only once in a distribution." }
        return nil
    }
}

/// Deals leads to sellers by weight (LP-5) so the shares hold at every moment, not just on average.
///
/// Smooth weighted round robin: each seller carries a credit; every lead adds each seller's
/// weight to its credit, the seller with the most credit (the first on a tie) gets the lead and
/// pays the total weight back. A credit is exactly total × (what the seller is owed − what it
/// got), so after N leads every seller's count is within one of N × its share. The state is
/// just the shares and the credits: the store keeps it in a row and updates it in the same
/// transaction as the lead, so restarts and concurrent intake continue the same sequence.
public struct WeightedDistribution: Sendable, Hashable {
    /// What must be stored between leads.
    public struct State: Sendable, Hashable, Codable {
        /// The shares the credits were earned under.
        public var shares: [SellerShare]
        /// One credit per share, in the same order; they always sum to zero.
        public var credits: [Int64]

        public init(shares: [SellerShare], credits: [Int64]) {
            self.shares = shares
            self.credits = credits
        }
    }

    public private(set) var state: State

    /// A distribution over `shares`, continuing `state` when it was saved under the same shares.
    ///
    /// When the shares changed, credits start afresh: leads already dealt stay where they are
    /// and from here on the new shares hold within one lead. `nil` when the shares are unusable
    /// (see `SellerShare.problem(in:)`).
    public init?(shares: [SellerShare], state: State? = nil) {
        guard SellerShare.problem(in: shares) == nil else { return nil }
        if let state, state.shares == shares, state.credits.count == shares.count {
            self.state = state
        } else {
            self.state = State(shares: shares, credits: Array(repeating: 0, count: shares.count))
        }
    }

    public var shares: [SellerShare] { state.shares }

    /// The seller who gets the next lead; advances the state.
    public mutating func next() -> SellerID {
        let total = state.shares.reduce(0) { $0 + $1.weight }
        for index in state.credits.indices { state.credits[index] += state.shares[index].weight }
        var chosen = 0
        for index in state.credits.indices where state.credits[index] > state.credits[chosen] { chosen = index }
        state.credits[chosen] -= total
        return state.shares[chosen].sellerID
    }
}
