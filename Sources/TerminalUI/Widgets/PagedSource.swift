/// How many rows a paged source holds, as far as it counted: a source over a huge table may
/// stop counting at a cap, and then the last row's number is unknown.
public protocol RowTotal {
    /// The number of rows, nil when counting stopped short of the end.
    var exactRows: Int? { get }
}

/// A sorted, possibly huge set of rows that a list reads one window at a time.
///
/// Implementations use keyset pagination (the sort key of a row they are given), so no call
/// ever reads more than `limit` rows and no call pays for how deep into the list it is.
public protocol PagedSource<Row> {
    associatedtype Row
    /// The source's own count (e.g. one that stops at a cap and says so).
    associatedtype Count: RowTotal
    /// The first `limit` rows.
    func first(_ limit: Int) throws -> [Row]
    /// Up to `limit` rows right after `row`, in list order.
    func after(_ row: Row, limit: Int) throws -> [Row]
    /// Up to `limit` rows right before `row`, in list order (nearest last).
    func before(_ row: Row, limit: Int) throws -> [Row]
    /// The last `limit` rows, in list order.
    func last(_ limit: Int) throws -> [Row]
    /// How many rows there are.
    func count() throws -> Count
    /// A stable identity for keeping the selection across reloads.
    func identity(of row: Row) -> Int64
}
