import CRMCore

/// A sorted, possibly huge set of rows that a list reads one window at a time.
///
/// Implementations use keyset pagination (the sort key of a row they are given), so no call
/// ever reads more than `limit` rows and no call pays for how deep into the list it is.
public protocol PagedSource<Row> {
    associatedtype Row
    /// The first `limit` rows.
    func first(_ limit: Int) throws -> [Row]
    /// Up to `limit` rows right after `row`, in list order.
    func after(_ row: Row, limit: Int) throws -> [Row]
    /// Up to `limit` rows right before `row`, in list order (nearest last).
    func before(_ row: Row, limit: Int) throws -> [Row]
    /// The last `limit` rows, in list order.
    func last(_ limit: Int) throws -> [Row]
    /// How many rows there are, exact up to a cap.
    func count() throws -> BoundedCount
    /// A stable identity for keeping the selection across reloads.
    func identity(of row: Row) -> Int64
}

