/// Finds the nearest known name for a misspelt one, so an error can say "did you mean ...?".
enum KeymapSuggestion {
    /// `" (did you mean "x"?)"` for the closest candidate within a few edits, else "".
    static func didYouMean(_ word: String, in candidates: Set<String>) -> String {
        guard let best = closest(to: word, in: candidates) else { return "" }
        return " (did you mean \"\(best)\"?)"
    }

    static func closest(to word: String, in candidates: Set<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let d = editDistance(word, candidate)
            guard d <= limit else { continue }
            if best == nil || (d, candidate) < (best!.distance, best!.name) { best = (d, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
