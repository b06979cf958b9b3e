import Foundation

/// The small text form of a rule condition, "FIELD OPERATOR VALUE" (docs/lead-rules.md):
/// `country in DE, AT, CH`, `source contains web`, `value >= 10000 EUR`, `score > 50`,
/// `territory is DACH: DE, AT, CH`.
///
/// One syntax for `crm rules --when`, the settings form's condition lines, the rules list and
/// the journal, so what a person reads can be typed back in.
public enum LeadConditionSyntax {
    /// What a condition line is about: a text field of the lead, the value, the score or a territory.
    public enum Subject: Sendable, Hashable {
        case text(LeadDraft.Field)
        case value, score, territory

        /// The word the syntax uses for the subject.
        public var name: String {
            switch self {
            case .text(let field): LeadConditionSyntax.textFields.first { $0.field == field }?.name ?? field.rawValue
            case .value: "value"
            case .score: "score"
            case .territory: "territory"
            }
        }

        /// The operators the subject accepts, in the order pickers offer them.
        public var operators: [String] {
            switch self {
            case .text: ["is", "contains", "in"]
            case .value, .score: ["<", "<=", "=", ">=", ">"]
            case .territory: ["is"]
            }
        }
    }

    /// The text fields rules compare, by the names the syntax uses.
    public static let textFields: [(name: String, field: LeadDraft.Field)] = [
        ("source", .source), ("campaign", .campaignID), ("country", .country), ("company", .company),
        ("job_title", .jobTitle), ("email", .email), ("website", .website), ("tags", .tags),
        ("description", .description), ("utm_source", .utmSource), ("utm_medium", .utmMedium),
        ("utm_campaign", .utmCampaign), ("utm_content", .utmContent),
    ]

    /// Every subject, in the order pickers offer them.
    public static let subjects: [Subject] =
        Array(textFields.prefix(3).map { Subject.text($0.field) }) + [.value, .score, .territory]
            + textFields.dropFirst(3).map { Subject.text($0.field) }

    private static let comparisons: [(String, LeadComparison)] = [
        ("<", .lessThan), ("<=", .atMost), ("≤", .atMost), ("=", .equal), (">=", .atLeast), ("≥", .atLeast),
        (">", .greaterThan),
    ]

    /// Reads one condition such as `country in DE, AT`; the error says which part is wrong.
    public static func parse(_ text: String) throws(LeadConditionSyntaxError) -> LeadCondition {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2,
                                                                    omittingEmptySubsequences: true)
        guard words.count == 3 else {
            throw LeadConditionSyntaxError("Write a condition as FIELD OPERATOR VALUE, e.g. ‘country in DE, AT’.")
        }
        return try parse(subject: String(words[0]), operator: String(words[1]), value: String(words[2]))
    }

    /// Reads a condition from its three parts, as the settings form's condition lines hold them.
    public static func parse(subject name: String, operator op: String,
                             value: String) throws(LeadConditionSyntaxError) -> LeadCondition {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard let subject = subject(named: name) else {
            throw LeadConditionSyntaxError("Unknown field ‘\(name)’; use one of \(subjects.map(\.name).joined(separator: ", ")).")
        }
        guard subject.operators.contains(op) || (subject == .value || subject == .score) && comparison(op) != nil else {
            throw LeadConditionSyntaxError("‘\(subject.name)’ takes the operators \(subject.operators.joined(separator: " ")), not ‘\(op)’.")
        }
        guard !value.isEmpty else { throw LeadConditionSyntaxError("Give a value to compare the \(subject.name) with.") }
        switch subject {
        case .text(let field):
            switch op {
            case "is": return .equals(field, value)
            case "contains": return .contains(field, value)
            default: return .oneOf(field, list(value))
            }
        case .value:
            return .value(comparison(op)!, try money(value))
        case .score:
            guard let score = Int(value) else { throw LeadConditionSyntaxError("A score is a whole number, not ‘\(value)’.") }
            return .score(comparison(op)!, score)
        case .territory:
            guard let colon = value.firstIndex(of: ":") else {
                throw LeadConditionSyntaxError("Write a territory as NAME: COUNTRY, COUNTRY, e.g. ‘DACH: DE, AT, CH’.")
            }
            let name = value[..<colon].trimmingCharacters(in: .whitespaces)
            return .territory(LeadTerritory(name: name, countries: list(String(value[value.index(after: colon)...]))))
        }
    }

    /// The three parts of `condition` (subject, operator, value), as `parse` reads them back.
    public static func parts(of condition: LeadCondition) -> (subject: Subject, operator: String, value: String) {
        switch condition {
        case .equals(let field, let text): (.text(field), "is", text)
        case .contains(let field, let text): (.text(field), "contains", text)
        case .oneOf(let field, let choices): (.text(field), "in", choices.joined(separator: ", "))
        case .value(let comparison, let limit): (.value, symbol(comparison), limit.description)
        case .score(let comparison, let limit): (.score, symbol(comparison), String(limit))
        case .territory(let territory):
            (.territory, "is", "\(territory.name): \(territory.countries.joined(separator: ", "))")
        }
    }

    /// The condition as one line of the syntax.
    public static func format(_ condition: LeadCondition) -> String {
        let parts = parts(of: condition)
        return "\(parts.subject.name) \(parts.operator) \(parts.value)"
    }

    public static func subject(named name: String) -> Subject? {
        let folded = name.lowercased()
        return subjects.first { $0.name == folded }
    }

    private static func comparison(_ op: String) -> LeadComparison? {
        comparisons.first { $0.0 == op }?.1
    }

    private static func symbol(_ comparison: LeadComparison) -> String {
        comparisons.first { $0.1 == comparison }?.0 ?? "="
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "10000 EUR", "52,000 EUR" or "1.5k CZK": an amount as the app writes amounts (read by
    /// `MoneyInput`, as forms read them) and a currency code.
    private static func money(_ text: String) throws(LeadConditionSyntaxError) -> Money {
        let words = text.split(separator: " ")
        guard words.count >= 2, let currency = try? Currency(code: String(words.last!).uppercased()) else {
            throw LeadConditionSyntaxError("Write the value as an amount and a currency code, e.g. ‘10000 EUR’.")
        }
        let amount = words.dropLast().joined(separator: " ")
        do {
            return try MoneyInput.read(amount, currency: currency)
        } catch {
            throw LeadConditionSyntaxError("‘\(amount)’: \(error.message)")
        }
    }
}

/// Why a condition's text could not be read, in words for the person who typed it.
public struct LeadConditionSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
