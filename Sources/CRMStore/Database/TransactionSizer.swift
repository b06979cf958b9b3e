/// Sizes the transactions of a long writer (a batch of leads, a splitter run) so that each holds
/// the write lock for about `target`: short enough that a person saving a form waits at most
/// that long, long enough that the commit's disk sync is shared by many rows.
///
/// The size follows the time the last transaction held the lock per row (not the time it
/// waited for it, or a wait behind other writers would shrink every transaction to a row or
/// two); it starts small, so the first transaction of a run is short whatever the rows cost.
public struct TransactionSizer: Sendable {
    /// How long one transaction should hold the write lock.
    public static let target: Duration = .milliseconds(15)

    public private(set) var size: Int
    /// When the last recorded transaction let go of the lock (when `record` was called).
    public private(set) var lockReleasedAt: ContinuousClock.Instant?
    let range: ClosedRange<Int>

    public init(range: ClosedRange<Int> = 8...2_000, first: Int = 32) {
        self.range = range
        size = min(max(first, range.lowerBound), range.upperBound)
    }

    /// Learns from a transaction of `rows` rows that held the write lock for `held`; the next
    /// size aims at `target`, growing at most fourfold at a time so one fast transaction does
    /// not make the next one huge.
    public mutating func record(rows: Int, heldLockFor held: Duration) {
        lockReleasedAt = .now
        guard rows > 0 else { return }
        let perRow = max(held / rows, .microseconds(1))
        let fitting = Int(Self.target / perRow)
        size = min(max(min(fitting, rows * 4), range.lowerBound), range.upperBound)
    }
}
