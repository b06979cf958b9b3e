/// A parsed filter (FI-2): the syntax tree of what the user typed, before any field is looked
/// up. The store compiles it against the fields of one list (`FilterCatalog`), so the same text
/// works wherever the field names exist.
///
/// Every node keeps its source range, so an error found later (an unknown field, a value that
/// is not a date) can still point at the text that caused it.
public struct FilterExpression: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Node: Sendable, Hashable {
        /// Every part must hold (juxtaposition or `AND`).
        case and([FilterExpression])
        /// At least one part must hold (`OR` or `|`).
        case or([FilterExpression])
        /// The part must not hold (`-` or `NOT`).
        case not(FilterExpression)
        /// A free-text word, or a quoted phrase whose words must follow each other.
        case text(String, isPhrase: Bool)
        /// `field op value`.
        case field(FilterFieldTerm)
    }

    public var node: Node
    public var range: FilterRange

    public init(_ node: Node, range: FilterRange) {
        self.node = node
        self.range = range
    }

    /// A compact prefix notation, e.g. `(and status:open (not "acme corp"))`, for tests and logs.
    public var description: String {
        switch node {
        case .and(let parts): "(and \(parts.map(\.description).joined(separator: " ")))"
        case .or(let parts): "(or \(parts.map(\.description).joined(separator: " ")))"
        case .not(let part): "(not \(part))"
        case .text(let text, let isPhrase): isPhrase ? FilterLiteral.quote(text) : text
        case .field(let term): term.description
        }
    }
}

/// The comparison between a field and its value.
public enum FilterOperator: String, Sendable, Hashable, CaseIterable {
    /// `:` — is, is within, or (for text) contains words starting with.
    case matches = ":"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// True for `<`, `<=`, `>`, `>=`, which take exactly one value.
    public var isOrdering: Bool {
        switch self {
        case .matches, .equal, .notEqual: false
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        }
    }
}

/// `field op value[,value…]`, e.g. `status:open,won` or `close<+30d`.
public struct FilterFieldTerm: Sendable, Hashable, CustomStringConvertible {
    /// The field name as typed; catalogs match it case-insensitively.
    public var name: String
    public var nameRange: FilterRange
    public var op: FilterOperator
    public var opRange: FilterRange
    /// One or more values, any of which may match (a comma list).
    public var values: [FilterValue]

    public init(name: String, nameRange: FilterRange, op: FilterOperator, opRange: FilterRange, values: [FilterValue]) {
        self.name = name
        self.nameRange = nameRange
        self.op = op
        self.opRange = opRange
        self.values = values
    }

    /// From the field name to the last value.
    public var range: FilterRange {
        values.reduce(nameRange.union(opRange)) { $0.union($1.range) }
    }

    public var description: String {
        name + op.rawValue + values.map(\.description).joined(separator: ",")
    }
}

/// One value of a field term.
public enum FilterValue: Sendable, Hashable, CustomStringConvertible {
    /// A word or quoted phrase.
    case literal(FilterLiteral)
    /// `low..high`, both ends included.
    case range(FilterLiteral, FilterLiteral)
    /// `none` or `empty`: the field has no value.
    case empty(FilterRange)

    public var range: FilterRange {
        switch self {
        case .literal(let literal): literal.range
        case .range(let low, let high): low.range.union(high.range)
        case .empty(let range): range
        }
    }

    public var description: String {
        switch self {
        case .literal(let literal): literal.description
        case .range(let low, let high): "\(low)..\(high)"
        case .empty: "none"
        }
    }
}

/// A value as typed: its text (quotes removed, escapes resolved) and where it was.
public struct FilterLiteral: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var isQuoted: Bool
    public var range: FilterRange

    public init(_ text: String, isQuoted: Bool = false, range: FilterRange) {
        self.text = text
        self.isQuoted = isQuoted
        self.range = range
    }

    public var description: String { isQuoted ? Self.quote(text) : text }

    /// `text` in double quotes with `"` and `\` escaped, as the lexer reads it back.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
