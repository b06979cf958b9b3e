/// A routing rule as stored (LP-3): its place in the order, whether it is active, and the
/// version that guards concurrent edits.
public struct StoredLeadRule: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// 1 = evaluated first; positions are dense and unique.
    public var position: Int
    /// Inactive rules are kept but skipped when leads are routed.
    public var isActive: Bool
    public var rule: LeadRule
    public var version: Int

    public init(id: Int64, position: Int, isActive: Bool, rule: LeadRule, version: Int) {
        self.id = id
        self.position = position
        self.isActive = isActive
        self.rule = rule
        self.version = version
    }
}

extension LeadRule: DeclaredDraft {
    /// The rule's conditions in the text syntax, joined by "; ".
    public var conditionsText: String {
        matchesEveryLead ? "every lead" : conditions.map(LeadConditionSyntax.format).joined(separator: "; ")
    }

    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .conditions: conditionsText
        case .outcome: outcome.journalText
        case .priority: priority?.rawValue ?? ""
        }
    }
}

extension LeadOutcome {
    /// The outcome with records by id ("user 3", "distribution 3=50, 4=30"), for the journal.
    var journalText: String {
        switch self {
        case .assignee(let id): "user \(id)"
        case .partner(let id): "partner \(id)"
        case .distribution(let shares): "distribution " + shares.map { "\($0.sellerID)=\($0.weight)" }.joined(separator: ", ")
        case .freePool: "free pool"
        }
    }
}
