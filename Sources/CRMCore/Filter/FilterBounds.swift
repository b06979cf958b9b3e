import Foundation

/// The limits an operator puts on a field, given the run of values its value covers.
///
/// `:` and `=` keep the field within the run; `<` below its first value, `<=` up to its last,
/// `>` above its last, `>=` from its first. `!=` gives the same limits as `=`: the compiler
/// negates the result.
public struct FilterBounds<Value: Comparable & Sendable>: Sendable {
    public struct Limit: Sendable {
        public var value: Value
        public var inclusive: Bool
    }

    public var lower: Limit?
    public var upper: Limit?

    public init(_ op: FilterOperator, _ run: ClosedRange<Value>) {
        switch op {
        case .matches, .equal, .notEqual:
            lower = Limit(value: run.lowerBound, inclusive: true)
            upper = Limit(value: run.upperBound, inclusive: true)
        case .less: upper = Limit(value: run.lowerBound, inclusive: false)
        case .lessOrEqual: upper = Limit(value: run.upperBound, inclusive: true)
        case .greater: lower = Limit(value: run.upperBound, inclusive: false)
        case .greaterOrEqual: lower = Limit(value: run.lowerBound, inclusive: true)
        }
    }
}

/// Inclusive limits on a whole number; `nil` means unlimited on that side.
public struct IntegerLimits: Sendable, Hashable {
    public var lower: Int64?
    public var upper: Int64?

    public init(lower: Int64?, upper: Int64?) {
        self.lower = lower
        self.upper = upper
    }
}

extension FilterBounds where Value == Decimal {
    /// The limits on a whole number `n` (a stored integer, e.g. minor units) such that
    /// `n × factor` lies within these bounds, or `nil` when no 64-bit integer does.
    ///
    /// Exact: each limit is rounded towards the inside (up for a lower limit, down for an upper
    /// one) and then checked by multiplying back, so `amount>=100` never admits 99.999…
    /// `factor` must be positive.
    public func integerLimits(factor: Decimal) -> IntegerLimits? {
        var limits = IntegerLimits(lower: nil, upper: nil)
        if let lower {
            switch Self.smallest(atLeast: lower.value, strictly: !lower.inclusive, factor: factor) {
            case .tooSmall: break
            case .tooLarge: return nil
            case .value(let n): limits.lower = n
            }
        }
        if let upper {
            // The largest n with n × f ≤ v is minus the smallest m with m × f ≥ −v.
            switch Self.smallest(atLeast: -upper.value, strictly: !upper.inclusive, factor: factor) {
            case .tooSmall: break
            case .tooLarge: return nil
            case .value(let n): limits.upper = -n
            }
        }
        if let low = limits.lower, let high = limits.upper, low > high { return nil }
        return limits
    }

    private enum Whole {
        case tooSmall, tooLarge
        case value(Int64)
    }

    /// The smallest `n` with `n × factor ≥ target` (or `>` when `strictly`), within ±(2⁶³ − 1).
    private static func smallest(atLeast target: Decimal, strictly: Bool, factor: Decimal) -> Whole {
        func fits(_ n: Decimal) -> Bool { strictly ? n * factor > target : n * factor >= target }
        var quotient = target / factor
        guard quotient.isFinite else { return .tooLarge }
        if quotient > Decimal(Int64.max) { return .tooLarge }
        if quotient < Decimal(-Int64.max) { return .tooSmall }
        var n = Decimal()
        NSDecimalRound(&n, &quotient, 0, .down)
        while !fits(n) { n += 1 }
        while fits(n - 1) { n -= 1 }
        if n > Decimal(Int64.max) { return .tooLarge }
        if n < Decimal(-Int64.max) { return .tooSmall }
        return Int64(n.description).map(Whole.value) ?? .tooLarge
    }
}
