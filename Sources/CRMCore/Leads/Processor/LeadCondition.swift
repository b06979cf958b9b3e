import Foundation

/// One test a lead must pass for a rule to apply (LP-3).
///
/// Text is compared folded (case and accents ignored, `SearchText.fold`), and countries as
/// countries (`Country.key`), so "AT", "Österreich" and "austria" are the same country. Amounts
/// are compared exactly; amounts of different currencies only through the day's exchange rates,
/// never by guessing.
public enum LeadCondition: Sendable, Hashable {
    /// The field's text is exactly this text.
    case equals(LeadDraft.Field, String)
    /// The field's text contains this text.
    case contains(LeadDraft.Field, String)
    /// The field's text is one of these texts.
    case oneOf(LeadDraft.Field, [String])
    /// The lead's value compared with an amount; a lead without a value never matches.
    case value(LeadComparison, Money)
    /// The lead's score compared with a number; a lead without a score never matches.
    case score(LeadComparison, Int)
    /// The lead's country belongs to a named set of countries.
    case territory(LeadTerritory)

    /// Why the condition holds for `draft` ("source contains ‘web’"), or `nil` when it does not.
    public func reason(for draft: LeadDraft, rates: ExchangeRateTable?) -> String? {
        switch self {
        case .equals(let field, let expected):
            let actual = draft.text(of: field)
            return field.key(actual) == field.key(expected) ? "\(field.ruleLabel) is ‘\(actual)’" : nil
        case .contains(let field, let part):
            let actual = SearchText.fold(draft.text(of: field))
            return actual.contains(SearchText.fold(part)) ? "\(field.ruleLabel) contains ‘\(part)’" : nil
        case .oneOf(let field, let choices):
            let actual = draft.text(of: field)
            let key = field.key(actual)
            guard choices.contains(where: { field.key($0) == key }) else { return nil }
            return "\(field.ruleLabel) is \(actual) (one of \(choices.joined(separator: ", ")))"
        case .value(let comparison, let limit):
            guard let value = draft.value else { return nil }
            return Self.valueReason(value, comparison, limit, rates: rates)
        case .score(let comparison, let limit):
            guard let score = draft.score, comparison.holds(score, limit) else { return nil }
            return "score \(score) \(comparison.symbol) \(limit)"
        case .territory(let territory):
            guard territory.includes(draft.country) else { return nil }
            return "country \(draft.country) is in territory ‘\(territory.name)’"
        }
    }

    /// What is wrong with the condition itself, or `nil` when it can be used.
    public var problem: String? {
        switch self {
        case .equals(let field, let text), .contains(let field, let text):
            text.trimmingCharacters(in: .whitespaces).isEmpty ? "Give the text to compare the \(field.ruleLabel) with." : nil
        case .oneOf(let field, let choices):
            choices.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                ? nil : "List at least one \(field.ruleLabel) to compare with."
        case .value(_, let limit):
            limit.amount < 0 ? "Compare the value with a positive amount." : nil
        case .score(_, let limit):
            (0...1_000).contains(limit) ? nil : "Compare the score with a number from 0 to 1000."
        case .territory(let territory):
            territory.name.trimmingCharacters(in: .whitespaces).isEmpty || territory.countries.isEmpty
                ? "A territory needs a name and at least one country." : nil
        }
    }

    /// Compares in the lead's currency when the limit shares it, otherwise both in the base currency.
    private static func valueReason(_ value: Money, _ comparison: LeadComparison, _ limit: Money,
                                    rates: ExchangeRateTable?) -> String? {
        if value.currency == limit.currency {
            return comparison.holds(value.amount, limit.amount) ? "value \(value) \(comparison.symbol) \(limit)" : nil
        }
        guard let rates, let convertedValue = rates.convert(value), let convertedLimit = rates.convert(limit),
              comparison.holds(convertedValue.amount, convertedLimit.amount)
        else { return nil }
        return "value \(value) \(comparison.symbol) \(limit) (\(convertedValue) \(comparison.symbol) \(convertedLimit))"
    }
}

/// How a lead's number is compared with a rule's limit.
public enum LeadComparison: String, Sendable, Hashable, CaseIterable {
    case lessThan, atMost, equal, atLeast, greaterThan

    public var symbol: String {
        switch self {
        case .lessThan: "<"
        case .atMost: "≤"
        case .equal: "="
        case .atLeast: "≥"
        case .greaterThan: ">"
        }
    }

    public func holds<Number: Comparable>(_ actual: Number, _ limit: Number) -> Bool {
        switch self {
        case .lessThan: actual < limit
        case .atMost: actual <= limit
        case .equal: actual == limit
        case .atLeast: actual >= limit
        case .greaterThan: actual > limit
        }
    }
}

/// A named set of countries ("DACH": DE, AT, CH) that rules route by.
public struct LeadTerritory: Sendable, Hashable {
    public var name: String
    /// Country codes or names as leads send them; compared as countries (`Country.key`).
    public var countries: [String]

    public init(name: String, countries: [String]) {
        self.name = name
        self.countries = countries
    }

    public func includes(_ country: String) -> Bool {
        let key = Country.key(of: country)
        return !key.isEmpty && countries.contains { Country.key(of: $0) == key }
    }
}

extension LeadDraft.Field {
    /// What a rule compares this field's text by: the country as a country, the rest folded.
    func key(_ text: String) -> String {
        self == .country ? Country.key(of: text) : SearchText.fold(text)
    }
}
