/// Why a filter could not be read or applied: a message naming the offending token, and where
/// that token is, so the interface can show the message and underline the text.
public struct FilterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var range: FilterRange

    public init(_ message: String, at range: FilterRange) {
        self.message = message
        self.range = range
    }

    /// The message followed by the 1-based position, e.g. `Unclosed quote at 8–12`.
    public var description: String { "\(message) at \(range)" }
}

extension FilterError {
    static func notADate(_ literal: FilterLiteral) -> FilterError {
        FilterError("\"\(literal.text)\" is not a date; write 2027-01-31, today, +30d or this-quarter", at: literal.range)
    }

    static func notANumber(_ literal: FilterLiteral) -> FilterError {
        FilterError("\"\(literal.text)\" is not a number; write 10000, 2.5 or 10k", at: literal.range)
    }

    static func notAnAmount(_ literal: FilterLiteral) -> FilterError {
        FilterError("\"\(literal.text)\" is not an amount; write 10000, 10k, 10kEUR or EUR10000", at: literal.range)
    }
}
