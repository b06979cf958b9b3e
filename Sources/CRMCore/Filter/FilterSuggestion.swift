/// Finds the name someone probably meant when they mistyped one, for "did you mean" hints.
public enum FilterSuggestion {
    /// The candidate closest to `typed` by edit distance (case-insensitive), if it is close
    /// enough to be a plausible typo: at most one edit per three characters, and at most two.
    public static func closest(to typed: String, in candidates: [String]) -> String? {
        let word = Array(typed.lowercased())
        let allowed = min(2, max(1, word.count / 3))
        let scored = candidates.map { ($0, distance(word, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= allowed else { return nil }
        return best.0
    }

    /// Levenshtein distance, with an adjacent swap counting as one edit ("stauts" → "status").
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], before[j - 2] + 1)
                }
            }
            (before, previous) = (previous, row)
        }
        return previous[b.count]
    }
}
