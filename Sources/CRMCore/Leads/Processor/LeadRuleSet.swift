import Foundation

/// What the rules decided for one lead, with the reason in words so intake is explainable.
public struct LeadRouting: Sendable, Hashable {
    public var outcome: LeadOutcome
    /// The priority to set, or `nil` to keep the lead's own.
    public var priority: LeadDraft.Priority?
    /// The number of the rule that matched (its 1-based place in the set, or the number the set
    /// was given for it), `nil` when none did.
    public var rulePosition: Int?
    /// E.g. "Rule 2 ‘DACH web leads’: country is DE (one of DE, AT, CH) and source contains ‘web’".
    public var explanation: String

    public init(outcome: LeadOutcome, priority: LeadDraft.Priority?, rulePosition: Int?, explanation: String) {
        self.outcome = outcome
        self.priority = priority
        self.rulePosition = rulePosition
        self.explanation = explanation
    }
}

/// The ordered routing rules of the lead processor (LP-3, LP-4): the first rule whose
/// conditions all hold decides; a lead no rule takes goes to the free pool.
public struct LeadRuleSet: Sendable, Hashable {
    public var rules: [LeadRule]
    /// The number each rule is called by in explanations: its place among all stored rules,
    /// which differs from its index when inactive rules are left out.
    public var numbers: [Int]

    public init(_ rules: [LeadRule], numbers: [Int]? = nil) {
        self.rules = rules
        self.numbers = numbers ?? rules.indices.map { $0 + 1 }
    }

    /// Routes `draft` by the first matching rule; `rates` lets value conditions compare
    /// amounts in other currencies (without it such conditions do not match).
    public func evaluate(_ draft: LeadDraft, rates: ExchangeRateTable? = nil) -> LeadRouting {
        for (index, rule) in rules.enumerated() {
            guard let reason = rule.reason(for: draft, rates: rates) else { continue }
            let number = index < numbers.count ? numbers[index] : index + 1
            return LeadRouting(outcome: rule.outcome, priority: rule.priority, rulePosition: number,
                               explanation: "Rule \(number) ‘\(rule.name)’: \(reason)")
        }
        return LeadRouting(outcome: .freePool, priority: nil, rulePosition: nil, explanation: "no rule matched")
    }

    /// Checks every rule and that names are unique (folded). Each error's field is
    /// "rules.<position>.<rule field>" and its message starts with "Rule <position>: ".
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        var seenNames: Set<String> = []
        for (index, rule) in rules.enumerated() {
            var ruleErrors = rule.validate()
            let folded = SearchText.fold(rule.name)
            if !folded.isEmpty, !seenNames.insert(folded).inserted {
                ruleErrors.append(FieldError(field: LeadRule.Field.name.rawValue,
                                             message: "Another rule is already called ‘\(rule.name)’."))
            }
            errors += ruleErrors.map {
                FieldError(field: "rules.\(index + 1).\($0.field)", message: "Rule \(index + 1): \($0.message)")
            }
        }
        return errors
    }
}
