import Foundation

/// Where a matching rule sends a lead (LP-3).
public enum LeadOutcome: Sendable, Hashable {
    /// To one user.
    case assignee(Int64)
    /// To a partner company.
    case partner(Int64)
    /// To one of several sellers by weight (LP-5); the store draws the seller with `WeightedDistribution`.
    case distribution([SellerShare])
    /// To nobody: anyone may take it from the free pool.
    case freePool
}

/// One routing rule: when every condition holds, the lead goes to the outcome and may get a
/// priority (LP-3, LP-4). Rules are kept in order; the first match wins.
public struct LeadRule: Sendable, Hashable {
    /// The rule's fields, declared once for its form, checks and journal.
    public enum Field: String, DeclaredField {
        case name, conditions, outcome, priority

        public var spec: FieldSpec {
            switch self {
            case .name: FieldSpec("Name", .line)
            case .conditions: FieldSpec("Conditions", .note)
            case .outcome: FieldSpec("Send matching leads to", .choice, history: "Outcome")
            case .priority: FieldSpec("Set priority", .choice, history: "Priority")
            }
        }
    }

    public var name: String
    /// All must hold.
    public var conditions: [LeadCondition]
    /// Set for a catch-all rule, which has no conditions; a rule without conditions must say so.
    public var matchesEveryLead: Bool
    public var outcome: LeadOutcome
    /// The priority a matched lead gets; `nil` leaves it as sent (LP-4).
    public var priority: LeadDraft.Priority?

    public init(name: String, conditions: [LeadCondition] = [], matchesEveryLead: Bool = false,
                outcome: LeadOutcome, priority: LeadDraft.Priority? = nil) {
        self.name = name
        self.conditions = conditions
        self.matchesEveryLead = matchesEveryLead
        self.outcome = outcome
        self.priority = priority
    }

    /// Checks the rule on its own; empty means it can be saved.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let error = FieldRules.checkRequiredLine(name, field: Field.name.rawValue, label: "Name") {
            errors.append(error)
        }
        if matchesEveryLead, !conditions.isEmpty {
            errors.append(FieldError(field: Field.conditions.rawValue,
                                     message: "A rule that matches every lead has no conditions."))
        } else if !matchesEveryLead, conditions.isEmpty {
            errors.append(FieldError(field: Field.conditions.rawValue,
                                     message: "Add a condition, or let the rule match every lead."))
        }
        errors += conditions.compactMap(\.problem).map { FieldError(field: Field.conditions.rawValue, message: $0) }
        if case .distribution(let shares) = outcome, let problem = SellerShare.problem(in: shares) {
            errors.append(FieldError(field: Field.outcome.rawValue, message: problem))
        }
        return errors
    }

    /// Why the rule matches `draft` (the reasons of its conditions joined by "and"), or `nil`.
    public func reason(for draft: LeadDraft, rates: ExchangeRateTable?) -> String? {
        if matchesEveryLead { return conditions.isEmpty ? "it matches every lead" : nil }
        var reasons: [String] = []
        for condition in conditions {
            guard let reason = condition.reason(for: draft, rates: rates) else { return nil }
            reasons.append(reason)
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: " and ")
    }
}
