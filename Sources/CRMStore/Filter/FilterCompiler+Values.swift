import CRMCore
import Foundation
import GRDB

/// The conditions of single values, per field kind.
extension FilterCompiler {
    /// `:` finds the value's words as consecutive word prefixes; `=` compares folded text.
    func text(_ literal: FilterLiteral, column: String, op: FilterOperator) throws(FilterError) -> SQL {
        guard op == .matches else {
            return "\(sql: FilterFunctions.fold)(\(sql: column)) = \(SearchText.fold(literal.text))"
        }
        let words = SearchText.words(SearchText.fold(literal.text))
        guard !words.isEmpty else {
            throw FilterError("\"\(literal.text)\" has no letters or digits to look for; use = to compare it whole", at: literal.range)
        }
        return "instr(\(sql: FilterFunctions.words)(\(sql: column)), \(" " + words.joined(separator: " "))) > 0"
    }

    func boolean(_ literal: FilterLiteral, column: String) throws(FilterError) -> SQL {
        "\(sql: column) = \(try yesOrNo(literal) ? 1 : 0)"
    }

    /// Reads a yes/no value.
    func yesOrNo(_ literal: FilterLiteral) throws(FilterError) -> Bool {
        switch literal.text.lowercased() {
        case "yes", "y", "true", "1", "on": return true
        case "no", "n", "false", "0", "off": return false
        default: throw FilterError("\"\(literal.text)\" is not yes or no", at: literal.range)
        }
    }

    /// A user (`me`, a login or a display name: `isUser`) or an enumeration choice; `noun`
    /// names what was not found in the error.
    func choice(
        _ literal: FilterLiteral, column: String, among choices: FilterChoices, noun: String, isUser: Bool = false
    ) throws(FilterError) -> SQL {
        let list = try choiceList(literal, among: choices, noun: noun, isUser: isUser)
        return "\(sql: catalog.qualified(column)) IN (\(list))"
    }

    /// The ids a user or choice value stands for, as an SQL list.
    func choiceList(
        _ literal: FilterLiteral, among choices: FilterChoices, noun: String, isUser: Bool
    ) throws(FilterError) -> SQL {
        let ids: Set<Int64>
        if isUser, literal.text.lowercased() == "me" {
            ids = [context.me]
        } else if let found = choices.resolve(literal.text) {
            ids = found
        } else {
            let names = choices.listedNames
            let shown = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
            throw FilterError("No \(noun) \"\(literal.text)\"; choose from \(shown)", at: literal.range)
        }
        let list: [SQL] = ids.sorted().map { "\($0)" }
        return list.joined(separator: ", ")
    }

    /// A whole-number column; fractional values round inwards.
    func number(_ value: FilterValue, op: FilterOperator, column: String) throws(FilterError) -> SQL {
        let run = try self.run(value) { (literal: FilterLiteral) throws(FilterError) in
            let number = try FilterNumbers.number(literal)
            return number...number
        }
        return Self.limited(column, FilterBounds(op, run).integerLimits(factor: 1))
    }

    /// An amount compared in the base currency: one branch per currency with a rate, each with
    /// limits on the stored minor units computed exactly (`FilterBounds.integerLimits`). Rows in
    /// a currency without a rate never match.
    func money(_ value: FilterValue, op: FilterOperator, amount: String, currency: String) throws(FilterError) -> SQL {
        let rates = context.rates
        let run = try self.run(value) { (literal: FilterLiteral) throws(FilterError) in
            let (number, code) = try FilterNumbers.amount(literal)
            guard let rate = rates.rate(of: code?.code ?? rates.base.code) else {
                let known = rates.currencies.map(\.code).joined(separator: ", ")
                throw FilterError("No exchange rate for \(code?.code ?? ""); known: \(known)", at: literal.range)
            }
            let base = number * rate
            return base...base
        }
        let bounds = FilterBounds(op, run)
        var branches: [SQL] = []
        for code in rates.currencies {
            guard let rate = rates.rate(of: code.code) else { continue }
            let perMinorUnit = rate * Decimal(sign: .plus, exponent: -code.minorUnits, significand: 1)
            guard let limits = bounds.integerLimits(factor: perMinorUnit) else { continue }
            branches.append("(\(sql: currency) = \(code.code) AND \(Self.limited(amount, limits)))")
        }
        return Self.any(branches)
    }

    /// Dates (`instants` false: ISO text compared as text) or timestamps (`instants` true:
    /// milliseconds, a day running from its midnight to the next).
    func dates(
        _ value: FilterValue, op: FilterOperator, column: String, instants: Bool = false, bound: (CalendarDate) -> SQL
    ) throws(FilterError) -> SQL {
        let today = context.today
        let run = try self.run(value) { (literal: FilterLiteral) throws(FilterError) in try FilterDates.days(literal, today: today) }
        let bounds = FilterBounds(op, run)
        var parts: [SQL] = []
        if let lower = bounds.lower {
            // An exclusive lower day starts at the next day's midnight.
            let day = lower.inclusive || !instants ? lower.value : lower.value.adding(days: 1)
            parts.append("\(sql: column) \(sql: lower.inclusive || instants ? ">=" : ">") \(bound(day))")
        }
        if let upper = bounds.upper {
            // An inclusive upper day ends before the next day's midnight.
            let day = upper.inclusive && instants ? upper.value.adding(days: 1) : upper.value
            parts.append("\(sql: column) \(sql: upper.inclusive && !instants ? "<=" : "<") \(bound(day))")
        }
        return Self.all(parts) ?? "0"
    }

    /// `column` within inclusive integer limits; `0` when no integer fits.
    static func limited(_ column: String, _ limits: IntegerLimits?) -> SQL {
        guard let limits else { return "0" }
        switch (limits.lower, limits.upper) {
        case let (low?, high?) where low == high: return "\(sql: column) = \(low)"
        case let (low?, high?): return "\(sql: column) BETWEEN \(low) AND \(high)"
        case let (low?, nil): return "\(sql: column) >= \(low)"
        case let (nil, high?): return "\(sql: column) <= \(high)"
        case (nil, nil): return "\(sql: column) IS NOT NULL"
        }
    }

    /// The run of values of a single value or a `low..high` range.
    private func run<Value: Comparable>(
        _ value: FilterValue, _ read: (FilterLiteral) throws(FilterError) -> ClosedRange<Value>
    ) throws(FilterError) -> ClosedRange<Value> {
        switch value {
        case .literal(let literal):
            return try read(literal)
        case .range(let low, let high):
            let start = try read(low).lowerBound, end = try read(high).upperBound
            guard start <= end else { throw FilterError("This range ends before it starts", at: value.range) }
            return start...end
        case .empty(let range):
            throw FilterError("\"none\" works only with :, = or !=", at: range)
        }
    }
}
