import Foundation

/// A position in a sorted list for keyset paging: the row's sort key values and its id.
///
/// Lists fetch the rows after or before a cursor (`WHERE (key, id) > (?, ?)`), so scrolling
/// through a million rows costs the same at the end as at the start. Cursors come from a query's
/// `cursor(for:)` and are only meaningful with a query of the same sort.
public struct PageCursor: Sendable, Hashable {
    /// One sort key value.
    public enum Key: Sendable, Hashable {
        case text(String)
        case integer(Int64)
    }

    public var keys: [Key]
    public var id: Int64

    public init(keys: [Key], id: Int64) {
        self.keys = keys
        self.id = id
    }
}

/// Which window of a sorted list to fetch. Rows always come back in the list's display order.
public enum PagePosition: Sendable, Hashable {
    /// The first rows (Home, `gg`).
    case first
    /// The last rows (End, `G`).
    case last
    /// The rows after the cursor, for scrolling down.
    case after(PageCursor)
    /// The rows before the cursor, for scrolling up.
    case before(PageCursor)
    /// The cursor's row (when it still matches) and those after it, for refreshing a window in
    /// place after another user's change.
    case startingAt(PageCursor)
}

/// A row count that stops at a cap, so counting a huge list stays cheap ("10,000+").
public struct BoundedCount: Sendable, Hashable, CustomStringConvertible {
    /// The exact count, or the cap when there are more rows.
    public var value: Int
    /// False when there are more rows than `value`.
    public var isExact: Bool

    public init(value: Int, isExact: Bool) {
        self.value = value
        self.isExact = isExact
    }

    /// Makes a count from the number of rows seen when at most `cap + 1` were looked at.
    public init(seen: Int, cap: Int) {
        self.init(value: min(seen, cap), isExact: seen <= cap)
    }

    /// "1,234", or "10,000+" at the cap.
    public var description: String {
        let grouped = DigitGroups.grouped(String(value))
        return isExact ? grouped : grouped + "+"
    }
}

extension Date {
    /// Whole milliseconds since 1970, the resolution timestamps are stored and sorted at.
    public var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
