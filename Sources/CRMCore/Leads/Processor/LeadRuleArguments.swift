/// A rule as `crm rules add` spells it: `--name`, repeated `--when` conditions (or
/// `--every-lead`), one of `--assign-to LOGIN`, `--partner NAME`, `--distribute "alice=50,bob=50"`
/// or `--free-pool`, and an optional `--priority`. Kept apart from the command so the parsing
/// is tested like any other domain rule; every error names the argument it is about.
public struct LeadRuleArguments: Sendable, Hashable {
    public var name = ""
    public var when: [String] = []
    public var everyLead = false
    public var assignTo: String?
    public var partner: String?
    public var distribute: String?
    public var freePool = false
    public var priority: String?

    public init() {}

    /// The rule the arguments describe; `userID` finds a user by login, `partnerID` a partner by name.
    public func rule(userID: (String) -> Int64?,
                     partnerID: (String) -> Int64?) throws(LeadRuleArgumentError) -> LeadRule {
        var conditions: [LeadCondition] = []
        for text in when {
            do {
                conditions.append(try LeadConditionSyntax.parse(text))
            } catch {
                throw LeadRuleArgumentError(argument: "--when \"\(text)\"", message: error.message)
            }
        }
        let given = [assignTo != nil, partner != nil, distribute != nil, freePool].filter { $0 }.count
        guard given == 1 else {
            throw LeadRuleArgumentError(argument: "--assign-to, --partner, --distribute or --free-pool",
                                        message: "say where matching leads go with exactly one of them")
        }
        let outcome: LeadOutcome
        if let assignTo {
            guard let id = userID(assignTo) else {
                throw LeadRuleArgumentError(argument: "--assign-to \(assignTo)", message: "there is no such user")
            }
            outcome = .assignee(id)
        } else if let partner {
            guard let id = partnerID(partner) else {
                throw LeadRuleArgumentError(argument: "--partner \"\(partner)\"", message: "there is no such partner")
            }
            outcome = .partner(id)
        } else if let distribute {
            do {
                outcome = .distribution(try SellerShareSyntax.parse(distribute, userID: userID))
            } catch {
                throw LeadRuleArgumentError(argument: "--distribute \"\(distribute)\"", message: error.message)
            }
        } else {
            outcome = .freePool
        }
        var level: LeadDraft.Priority?
        if let priority {
            guard let parsed = LeadDraft.Priority(rawValue: priority.lowercased()) else {
                let levels = LeadDraft.Priority.allCases.map(\.rawValue).joined(separator: ", ")
                throw LeadRuleArgumentError(argument: "--priority \(priority)", message: "choose one of \(levels)")
            }
            level = parsed
        }
        let rule = LeadRule(name: name, conditions: conditions, matchesEveryLead: everyLead, outcome: outcome, priority: level)
        if let problem = rule.validate().first { throw problem.asArgumentError }
        return rule
    }
}

/// A `crm rules` argument that cannot be used: which one and why.
public struct LeadRuleArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var argument: String
    public var message: String

    public init(argument: String, message: String) {
        self.argument = argument
        self.message = message
    }

    public var description: String { "\(argument): \(message)" }
}

extension FieldError {
    /// A rule's field error (from `LeadRule.validate` or the store) as the argument it comes from.
    public var asArgumentError: LeadRuleArgumentError {
        let argument = switch field {
        case LeadRule.Field.name.rawValue: "--name"
        case LeadRule.Field.conditions.rawValue: "--when"
        case LeadRule.Field.outcome.rawValue: "the outcome"
        default: field
        }
        return LeadRuleArgumentError(argument: argument, message: message)
    }
}
