import Foundation

/// The stored form of a rule's definition (conditions, catch-all, outcome, priority) as JSON,
/// kept in `lead_rules.definition` beside the rule's name.
///
/// Stable: keys sorted, amounts as exact decimal text, fields by their draft keys, and a
/// `format` number so a later crm can read older rules and an older crm refuses newer ones
/// instead of misrouting leads. A definition that cannot be read names the rule and the field.
public enum LeadRuleJSON {
    /// The format this build writes and the newest it reads.
    public static let format = 1

    public static func encode(_ rule: LeadRule) -> String {
        let definition = Definition(
            format: format, conditions: rule.conditions.map(ConditionJSON.init), matchesEveryLead: rule.matchesEveryLead,
            outcome: OutcomeJSON(rule.outcome), priority: rule.priority?.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return String(decoding: try! encoder.encode(definition), as: UTF8.self)
    }

    /// The rule called `name` from its stored definition.
    public static func decode(name: String, _ json: String) throws(LeadRuleDecodingError) -> LeadRule {
        let definition: Definition
        do {
            definition = try JSONDecoder().decode(Definition.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw LeadRuleDecodingError(rule: name, error)
        } catch {
            throw LeadRuleDecodingError(rule: name, field: "definition", message: "\(error)")
        }
        guard definition.format <= format else {
            throw LeadRuleDecodingError(rule: name, field: "format",
                                        message: "format \(definition.format) was written by a newer crm")
        }
        return LeadRule(name: name, conditions: definition.conditions.map(\.condition),
                        matchesEveryLead: definition.matchesEveryLead, outcome: definition.outcome.outcome,
                        priority: definition.priority.flatMap(LeadDraft.Priority.init(rawValue:)))
    }

    private struct Definition: Codable {
        var format: Int
        var conditions: [ConditionJSON]
        var matchesEveryLead: Bool
        var outcome: OutcomeJSON
        var priority: String?
    }

    /// One condition: `kind` says which, the other keys are those the kind needs.
    private struct ConditionJSON: Codable {
        var condition: LeadCondition

        enum Keys: String, CodingKey { case kind, field, text, texts, comparison, amount, currency, score, name }

        init(_ condition: LeadCondition) {
            self.condition = condition
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch condition {
            case .equals(let field, let text), .contains(let field, let text):
                try container.encode(condition.isEquals ? "equals" : "contains", forKey: .kind)
                try container.encode(field.rawValue, forKey: .field)
                try container.encode(text, forKey: .text)
            case .oneOf(let field, let texts):
                try container.encode("oneOf", forKey: .kind)
                try container.encode(field.rawValue, forKey: .field)
                try container.encode(texts, forKey: .texts)
            case .value(let comparison, let limit):
                try container.encode("value", forKey: .kind)
                try container.encode(comparison.rawValue, forKey: .comparison)
                try container.encode(limit.amount.description, forKey: .amount)
                try container.encode(limit.currency.code, forKey: .currency)
            case .score(let comparison, let limit):
                try container.encode("score", forKey: .kind)
                try container.encode(comparison.rawValue, forKey: .comparison)
                try container.encode(limit, forKey: .score)
            case .territory(let territory):
                try container.encode("territory", forKey: .kind)
                try container.encode(territory.name, forKey: .name)
                try container.encode(territory.countries, forKey: .texts)
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            func field() throws -> LeadDraft.Field {
                try container.decodeKnown(LeadDraft.Field.self, forKey: .field)
            }
            func comparison() throws -> LeadComparison {
                try container.decodeKnown(LeadComparison.self, forKey: .comparison)
            }
            switch try container.decode(String.self, forKey: .kind) {
            case "equals": condition = .equals(try field(), try container.decode(String.self, forKey: .text))
            case "contains": condition = .contains(try field(), try container.decode(String.self, forKey: .text))
            case "oneOf": condition = .oneOf(try field(), try container.decode([String].self, forKey: .texts))
            case "value":
                let amountText = try container.decode(String.self, forKey: .amount)
                let code = try container.decode(String.self, forKey: .currency)
                guard let currency = try? Currency(code: code) else {
                    throw DecodingError.dataCorruptedError(forKey: .currency, in: container,
                                                           debugDescription: "is not a currency code: ‘\(code)’")
                }
                guard let amount = try? DecimalText.parse(amountText) else {
                    throw DecodingError.dataCorruptedError(forKey: .amount, in: container,
                                                           debugDescription: "is not an amount: ‘\(amountText)’")
                }
                condition = .value(try comparison(), Money(amount, currency))
            case "score": condition = .score(try comparison(), try container.decode(Int.self, forKey: .score))
            case "territory":
                condition = .territory(LeadTerritory(name: try container.decode(String.self, forKey: .name),
                                                     countries: try container.decode([String].self, forKey: .texts)))
            case let kind:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "names an unknown condition kind ‘\(kind)’")
            }
        }
    }

    /// Where the rule sends a lead: `kind` and, for a user or partner, its `id`; a distribution's shares.
    private struct OutcomeJSON: Codable {
        var outcome: LeadOutcome

        enum Keys: String, CodingKey { case kind, id, shares }

        init(_ outcome: LeadOutcome) {
            self.outcome = outcome
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch outcome {
            case .assignee(let id):
                try container.encode("user", forKey: .kind)
                try container.encode(id, forKey: .id)
            case .partner(let id):
                try container.encode("partner", forKey: .kind)
                try container.encode(id, forKey: .id)
            case .distribution(let shares):
                try container.encode("distribution", forKey: .kind)
                try container.encode(shares, forKey: .shares)
            case .freePool:
                try container.encode("freePool", forKey: .kind)
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "user": outcome = .assignee(try container.decode(Int64.self, forKey: .id))
            case "partner": outcome = .partner(try container.decode(Int64.self, forKey: .id))
            case "distribution": outcome = .distribution(try container.decode([SellerShare].self, forKey: .shares))
            case "freePool": outcome = .freePool
            case let kind:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "names an unknown outcome kind ‘\(kind)’")
            }
        }
    }
}

/// A stored rule definition that cannot be read: which rule, which field (a path such as
/// "conditions.2.field") and what is wrong.
public struct LeadRuleDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: String
    public var field: String
    public var message: String

    public init(rule: String, field: String, message: String) {
        self.rule = rule
        self.field = field
        self.message = message
    }

    init(rule: String, _ error: DecodingError) {
        let (path, message): ([any CodingKey], String) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
        case .typeMismatch(_, let context): (context.codingPath, "has the wrong type")
        case .valueNotFound(_, let context): (context.codingPath, "is empty")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        self.init(rule: rule, field: field.isEmpty ? "definition" : field, message: message)
    }

    public var description: String {
        "The lead rule ‘\(rule)’ cannot be read: \(field) \(message)."
    }
}

extension LeadCondition {
    fileprivate var isEquals: Bool {
        if case .equals = self { true } else { false }
    }
}

extension KeyedDecodingContainer {
    /// A string that must be one of an enum's raw values; an unknown one is reported at its key.
    fileprivate func decodeKnown<Value: RawRepresentable>(_ type: Value.Type, forKey key: Key) throws -> Value
    where Value.RawValue == String {
        let raw = try decode(String.self, forKey: key)
        guard let value = Value(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "has the unknown value ‘\(raw)’")
        }
        return value
    }
}
