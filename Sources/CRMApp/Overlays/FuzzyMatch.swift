/// Scores how well a typed query matches a title: every query character must appear in
/// order; consecutive runs and word starts score higher. Case- and accent-insensitive.
public enum FuzzyMatch {
    /// nil when `query` does not match `text`; higher is better.
    public static func score(_ query: String, in text: String) -> Int? {
        let needle = Array(fold(query).filter { $0 != " " })
        guard !needle.isEmpty else { return 0 }
        let hay = Array(fold(text))
        var score = 0, position = 0, previousMatch = -2
        for ch in needle {
            guard let found = hay[position...].firstIndex(of: ch) else { return nil }
            score += 1
            if found == previousMatch + 1 { score += 3 }
            if found == 0 || hay[found - 1] == " " || hay[found - 1] == "." { score += 5 }
            previousMatch = found
            position = found + 1
        }
        return score - hay.count / 10
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
