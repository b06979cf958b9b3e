import CRMCore
import GRDB

/// Field terms: finds the field, checks the operator against its kind and ORs the conditions
/// of a comma list; `!=` is the negation of `=`, so it keeps rows without a value.
extension FilterCompiler {
    func condition(_ term: FilterFieldTerm) throws(FilterError) -> SQL {
        guard let field = catalog.field(named: term.name) else { throw unknownField(term) }
        guard let first = term.values.first else {
            throw FilterError("Expected a value after \"\(term.name)\(term.op.rawValue)\"", at: term.range)
        }
        if term.op.isOrdering {
            let valuesRange = term.values.dropFirst().reduce(first.range) { $0.union($1.range) }
            guard term.values.count == 1 else {
                throw FilterError("\"\(term.op.rawValue)\" takes one value, not a list", at: valuesRange)
            }
            if case .empty = first {
                throw FilterError("\"none\" works only with :, = or !=", at: valuesRange)
            }
        }
        var parts: [SQL] = []
        for value in term.values {
            parts.append(try condition(value, of: field, in: term))
        }
        let match = Self.any(parts)
        return term.op == .notEqual ? Self.negated(match) : match
    }

    private func condition(_ value: FilterValue, of field: FilterField, in term: FilterFieldTerm) throws(FilterError) -> SQL {
        if case .empty = value { return emptyCondition(field.kind) }
        switch field.kind {
        case .text(let column):
            return try text(literal(value, of: field, in: term), column: catalog.qualified(column), op: term.op)
        case .country(let column):
            let given = try literal(value, of: field, in: term)
            guard let code = Country.alpha2(of: given.text) else { return try text(given, column: catalog.qualified(column), op: term.op) }
            return "\(sql: FilterFunctions.fold)(\(sql: catalog.qualified(column))) IN \(Country.spellings(of: code))"
        case .boolean(let column):
            return try boolean(literal(value, of: field, in: term), column: catalog.qualified(column))
        case .code(let column):
            let code = try literal(value, of: field, in: term).text.uppercased()
            return "\(sql: catalog.qualified(column)) = \(code)"
        case .user(let column):
            return try choice(literal(value, of: field, in: term), column: column, among: catalog.users, noun: "user", isUser: true)
        case .presence(let column, let meansPresent):
            let yes = try yesOrNo(literal(value, of: field, in: term))
            return "\(sql: catalog.qualified(column)) \(sql: yes == meansPresent ? "IS NOT NULL" : "IS NULL")"
        case .listItem(let column):
            let item = "," + SearchText.fold(try literal(value, of: field, in: term).text) + ","
            return "instr(\(sql: FilterFunctions.fold)(\(sql: catalog.qualified(column))), \(item)) > 0"
        case .linkedUsers(let table, let recordColumn, let userColumn):
            let users = try choiceList(literal(value, of: field, in: term), among: catalog.users, noun: "user", isUser: true)
            // EXISTS walks the list's sort index probing the link's primary key: a page of a
            // user's shares (often most leads) never sorts every match.
            return """
                EXISTS (SELECT 1 FROM \(sql: table) WHERE \(sql: recordColumn) = \(sql: catalog.qualified("id")) \
                AND \(sql: userColumn) IN (\(users)))
                """
        case .enumeration(let column, let choices):
            return try choice(literal(value, of: field, in: term), column: column, among: choices, noun: field.name)
        case .number(let column):
            return try number(value, op: term.op, column: catalog.qualified(column))
        case .money(let minorUnits, let currency):
            return try money(value, op: term.op, amount: catalog.qualified(minorUnits), currency: catalog.qualified(currency))
        case .decimalMoney(let amount, let currency):
            let amountColumn = catalog.qualified(amount), currencyColumn = catalog.qualified(currency)
            return try money(value, op: term.op, amount: "\(FilterFunctions.minorUnits)(\(amountColumn), \(currencyColumn))",
                             currency: currencyColumn)
        case .date(let column):
            return try dates(value, op: term.op, column: catalog.qualified(column)) { "\($0.description)" }
        case .timestamp(let column):
            let zone = context.timeZone
            return try dates(value, op: term.op, column: catalog.qualified(column), instants: true) { "\($0.startMilliseconds(in: zone))" }
        }
    }

    /// The value of a field that has no order: one literal, with `:`, `=` or `!=`.
    private func literal(_ value: FilterValue, of field: FilterField, in term: FilterFieldTerm) throws(FilterError) -> FilterLiteral {
        if term.op.isOrdering {
            throw FilterError("\(field.name) cannot be compared with \"\(term.op.rawValue)\"; use :, = or !=", at: term.opRange)
        }
        guard case .literal(let literal) = value else {
            throw FilterError("A range works only for numbers, amounts and dates", at: value.range)
        }
        return literal
    }

    private func emptyCondition(_ kind: FilterFieldKind) -> SQL {
        switch kind {
        case .text(let column), .country(let column), .decimalMoney(amount: let column, currency: _), .code(let column),
             .listItem(let column):
            let qualified = catalog.qualified(column)
            return "(\(sql: qualified) IS NULL OR \(sql: qualified) = '')"
        case .number(let column), .money(minorUnits: let column, currency: _), .date(let column), .timestamp(let column),
             .user(let column), .enumeration(let column, _), .boolean(let column):
            return "\(sql: catalog.qualified(column)) IS NULL"
        case .presence:
            return "0"
        case .linkedUsers(let table, let recordColumn, _):
            return "NOT EXISTS (SELECT 1 FROM \(sql: table) WHERE \(sql: recordColumn) = \(sql: catalog.qualified("id")))"
        }
    }

    private func unknownField(_ term: FilterFieldTerm) -> FilterError {
        let names = catalog.fields.map(\.name)
        let hint = FilterSuggestion.closest(to: term.name, in: names + catalog.fields.flatMap(\.aliases))
            .map { candidate in " (did you mean \(catalog.field(named: candidate)?.name ?? candidate)?)" }
            ?? "; fields here: " + names.joined(separator: ", ")
        return FilterError("Unknown field \"\(term.name)\"\(hint)", at: term.nameRange)
    }
}
