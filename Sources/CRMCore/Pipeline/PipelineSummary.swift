import Foundation

/// Results and forecast of a set of opportunities (PA-1: per partner): what is still open, what
/// was won or lost, and the open amounts weighted by their probability, each summed exactly per
/// currency so the caller converts once with the rates in force.
public struct PipelineSummary: Sendable, Hashable {
    public var open = CurrencyTotals()
    public var won = CurrencyTotals()
    public var lost = CurrencyTotals()
    /// Each open amount × its probability (its own, else its status's default), exact: the
    /// weighted forecast.
    public var weightedOpen = CurrencyTotals()

    public init() {}

    /// Adds `count` opportunities of a status of `kind` whose amounts in `currency` sum to
    /// `minorUnits`, and whose amounts × probability percent sum to `weightedPercentMinorUnits`.
    public mutating func add(kind: StatusKind, count: Int, currency: Currency?, minorUnits: Int64,
                             weightedPercentMinorUnits: Int64) {
        guard let currency else {
            switch kind {
            case .open: open.count += count; weightedOpen.count += count
            case .won: won.count += count
            case .lost: lost.count += count
            }
            return
        }
        switch kind {
        case .open:
            open.add(count: count, minorUnits: minorUnits, currency: currency)
            weightedOpen.count += count
            weightedOpen.sums[currency, default: 0] += Money(minorUnits: weightedPercentMinorUnits, currency).amount / 100
        case .won: won.add(count: count, minorUnits: minorUnits, currency: currency)
        case .lost: lost.add(count: count, minorUnits: minorUnits, currency: currency)
        }
    }
}
