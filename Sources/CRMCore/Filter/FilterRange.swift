/// Where a piece of a filter sits in the text the user typed, so the interface can underline it.
///
/// Offsets count `Character`s (grapheme clusters) from 0, the unit `TextInput.cursor` uses;
/// `end` is exclusive. People read positions 1-based and inclusive, so `description` shows
/// `1–6` for the first six characters and a single number for a one-character or empty range.
public struct FilterRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: FilterRange) -> FilterRange {
        FilterRange(min(start, other.start), max(end, other.end))
    }

    public var description: String {
        end - start <= 1 ? "\(start + 1)" : "\(start + 1)–\(end)"
    }
}
