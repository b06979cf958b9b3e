/// Reads filter text into a `FilterExpression` by recursive descent over `FilterLexer` tokens.
///
///     query    := or-expr
///     or-expr  := and-expr (("OR" | "|") and-expr)*
///     and-expr := unary (["AND"] unary)*
///     unary    := ("-" | "NOT") unary | atom
///     atom     := "(" or-expr ")" | field-term | phrase | word
///
/// Keywords are case-insensitive; a quoted keyword (`"or"`) is an ordinary word. Commas
/// between terms are ignored, so pasted text like `Smith, John` still reads as two words.
public enum FilterParser {
    /// Parentheses and negations nested deeper than this are refused, so hostile input cannot
    /// exhaust the stack here or SQLite's expression depth later.
    public static let maximumDepth = 64

    /// The expression of `text`, or `nil` when it holds no terms at all (an empty filter).
    public static func parse(_ text: String) throws(FilterError) -> FilterExpression? {
        var parser = Parser(tokens: try FilterLexer.tokens(text), end: text.count)
        return try parser.query()
    }
}

private struct Parser {
    let tokens: [FilterToken]
    /// The length of the text, where "expected more" errors point.
    let end: Int
    var index = 0
    var depth = 0

    init(tokens: [FilterToken], end: Int) {
        self.tokens = tokens
        self.end = end
    }

    private var current: FilterToken? { index < tokens.count ? tokens[index] : nil }
    private var next: FilterToken? { index + 1 < tokens.count ? tokens[index + 1] : nil }

    mutating func query() throws(FilterError) -> FilterExpression? {
        skipCommas()
        guard current != nil else { return nil }
        let expression = try orExpression()
        if let stray = current {
            throw FilterError("Unbalanced parenthesis: this \")\" closes nothing", at: stray.range)
        }
        return expression
    }

    private mutating func orExpression() throws(FilterError) -> FilterExpression {
        var parts = [try andExpression()]
        while let token = current, token.kind == .pipe || isKeyword(token, "or") {
            index += 1
            try expectTerm(after: token)
            parts.append(try andExpression())
        }
        return combine(parts, FilterExpression.Node.or)
    }

    private mutating func andExpression() throws(FilterError) -> FilterExpression {
        var parts: [FilterExpression] = []
        while true {
            skipCommas()
            guard let token = current, token.kind != .closeParen, token.kind != .pipe, !isKeyword(token, "or") else { break }
            if isKeyword(token, "and") {
                index += 1
                try expectTerm(after: token)
            }
            parts.append(try unary())
        }
        guard !parts.isEmpty else {
            throw FilterError("Expected a search term here", at: current?.range ?? FilterRange(end, end))
        }
        return combine(parts, FilterExpression.Node.and)
    }

    private mutating func unary() throws(FilterError) -> FilterExpression {
        guard let token = current, token.kind == .minus || isKeyword(token, "not") else { return try atom() }
        index += 1
        try expectTerm(after: token)
        let operand = try nested(at: token.range) { (parser: inout Parser) throws(FilterError) in try parser.unary() }
        return FilterExpression(.not(operand), range: token.range.union(operand.range))
    }

    private mutating func atom() throws(FilterError) -> FilterExpression {
        guard let token = current else { throw FilterError("Expected a search term here", at: FilterRange(end, end)) }
        switch token.kind {
        case .openParen:
            index += 1
            let inner = try nested(at: token.range) { (parser: inout Parser) throws(FilterError) in try parser.orExpression() }
            guard let close = current, close.kind == .closeParen else {
                throw FilterError("Unbalanced parenthesis: this \"(\" is never closed", at: token.range)
            }
            index += 1
            return FilterExpression(inner.node, range: token.range.union(close.range))
        case .word(let name):
            if let opToken = next, case .op(let op) = opToken.kind, !opToken.spaced {
                index += 2
                return try fieldTerm(name: name, nameRange: token.range, op: op, opRange: opToken.range)
            }
            index += 1
            return FilterExpression(.text(name, isPhrase: false), range: token.range)
        case .phrase(let text):
            index += 1
            return FilterExpression(.text(text, isPhrase: true), range: token.range)
        case .op(let op):
            throw FilterError("\"\(op.rawValue)\" needs a field name before it, e.g. amount>=10000", at: token.range)
        case .comma, .closeParen, .pipe, .minus:
            throw FilterError("Expected a search term here", at: token.range)
        }
    }

    private mutating func fieldTerm(
        name: String, nameRange: FilterRange, op: FilterOperator, opRange: FilterRange
    ) throws(FilterError) -> FilterExpression {
        var values: [FilterValue] = []
        var expectation = "\(name)\(op.rawValue)"
        var expectationRange = nameRange.union(opRange)
        while true {
            guard let token = current, !token.spaced, let literal = Self.literal(token) else {
                throw FilterError("Expected a value after \"\(expectation)\"", at: expectationRange)
            }
            index += 1
            values.append(try Self.value(joiningCurrency(to: literal)))
            guard let comma = current, comma.kind == .comma, !comma.spaced else { break }
            index += 1
            expectation = ","
            expectationRange = comma.range
        }
        if let stray = current, !stray.spaced, case .op(let extra) = stray.kind {
            throw FilterError("Unexpected \"\(extra.rawValue)\"; put values that contain it in quotes", at: stray.range)
        }
        let term = FilterFieldTerm(name: name, nameRange: nameRange, op: op, opRange: opRange, values: values)
        return FilterExpression(.field(term), range: term.range)
    }

    /// An amount written with a space before its currency (`value>=1000 EUR`, as lead rules
    /// write it) is read as one value (`1000EUR`): a number followed by a word of three capital
    /// letters. Lower case stays a search word, so `value>1000 new` still looks for "new".
    private mutating func joiningCurrency(to literal: FilterLiteral) -> FilterLiteral {
        guard !literal.isQuoted, literal.text.first?.isNumber == true, let next = current, next.spaced,
              case .word(let code) = next.kind, code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return literal
        }
        index += 1
        return FilterLiteral(literal.text + code, range: literal.range.union(next.range))
    }

    private static func literal(_ token: FilterToken) -> FilterLiteral? {
        switch token.kind {
        case .word(let text): FilterLiteral(text, range: token.range)
        case .phrase(let text): FilterLiteral(text, isQuoted: true, range: token.range)
        default: nil
        }
    }

    /// A bare `none`/`empty`, a `low..high` range, or the literal itself.
    private static func value(_ literal: FilterLiteral) throws(FilterError) -> FilterValue {
        guard !literal.isQuoted else { return .literal(literal) }
        let lowered = literal.text.lowercased()
        if lowered == "none" || lowered == "empty" { return .empty(literal.range) }
        guard let dots = literal.text.range(of: "..") else { return .literal(literal) }
        let low = String(literal.text[..<dots.lowerBound])
        let high = String(literal.text[dots.upperBound...])
        guard !low.isEmpty, !high.isEmpty, !high.contains("..") else {
            throw FilterError("A range needs two ends, e.g. 1000..5000", at: literal.range)
        }
        let split = literal.range.start + low.count
        return .range(
            FilterLiteral(low, range: FilterRange(literal.range.start, split)),
            FilterLiteral(high, range: FilterRange(split + 2, literal.range.end)))
    }

    /// True when `token` (at `position`, the current token by default) is the keyword; a
    /// keyword directly followed by an operator is a field name instead.
    private func isKeyword(_ token: FilterToken, _ keyword: String, at position: Int? = nil) -> Bool {
        guard case .word(let text) = token.kind, text.lowercased() == keyword else { return false }
        let following = (position ?? index) + 1
        if following < tokens.count, case .op = tokens[following].kind, !tokens[following].spaced { return false }
        return true
    }

    /// Throws when `token` (an operator or keyword) is not followed by a term.
    private func expectTerm(after token: FilterToken) throws(FilterError) {
        var probe = index
        while probe < tokens.count, tokens[probe].kind == .comma { probe += 1 }
        guard probe < tokens.count, tokens[probe].kind != .closeParen, tokens[probe].kind != .pipe,
              !isKeyword(tokens[probe], "or", at: probe), !isKeyword(tokens[probe], "and", at: probe) else {
            throw FilterError("Expected a search term after \"\(Self.text(of: token))\"", at: token.range)
        }
    }

    private static func text(of token: FilterToken) -> String {
        switch token.kind {
        case .word(let text): text
        case .pipe: "|"
        case .minus: "-"
        default: ""
        }
    }

    private mutating func skipCommas() {
        while current?.kind == .comma { index += 1 }
    }

    private mutating func nested(
        at range: FilterRange, _ body: (inout Parser) throws(FilterError) -> FilterExpression
    ) throws(FilterError) -> FilterExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= FilterParser.maximumDepth else {
            throw FilterError("Too deeply nested (more than \(FilterParser.maximumDepth) levels)", at: range)
        }
        return try body(&self)
    }

    private func combine(_ parts: [FilterExpression], _ make: ([FilterExpression]) -> FilterExpression.Node) -> FilterExpression {
        guard parts.count > 1, let first = parts.first, let last = parts.last else { return parts[0] }
        return FilterExpression(make(parts), range: first.range.union(last.range))
    }
}
