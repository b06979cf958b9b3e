/// How well what was typed in the command palette names a command. Every typed word must begin
/// a word of the title ("new rec" → "New record") or, ranked below, of a synonym ("kanban" → "Go
/// to Opportunities"); failing both, the letters in order anywhere in the title (FuzzyMatch)
/// rank last. Case- and accent-insensitive.
struct CommandMatch {
    enum Kind: Int, Comparable {
        case title, synonym, letters
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let kind: Kind
    /// Higher is better within a kind: whole words over beginnings, early title words first.
    let score: Int
    /// The synonym that matched, shown beside the title so the match makes sense.
    let synonym: String?

    /// True when `self` should be listed above `other`.
    func ranks(above other: CommandMatch) -> Bool {
        kind != other.kind ? kind < other.kind : score > other.score
    }

    /// nil when `query` does not name the command. `byWordsOnly` refuses the letters-in-order
    /// match, for commands that must be asked for by name.
    static func of(_ query: String, title: String, synonyms: [String], byWordsOnly: Bool = false) -> CommandMatch? {
        let typed = words(query)
        guard !typed.isEmpty else { return CommandMatch(kind: .title, score: 0, synonym: nil) }
        if let match = byWords(typed, title: words(title), synonyms: synonyms) { return match }
        guard !byWordsOnly, let score = FuzzyMatch.score(query, in: title) else { return nil }
        return CommandMatch(kind: .letters, score: score, synonym: nil)
    }

    private static func byWords(_ typed: [String], title: [String], synonyms: [String]) -> CommandMatch? {
        var score = 0
        var synonym: String?
        for word in typed {
            if let index = title.firstIndex(where: { $0.hasPrefix(word) }) {
                score += (title[index] == word ? 3 : 1) + max(0, 2 - index)
            } else if let other = synonyms.first(where: { words($0).contains { $0.hasPrefix(word) } }) {
                score += words(other).contains(word) ? 3 : 1
                synonym = synonym ?? other
            } else {
                return nil
            }
        }
        return CommandMatch(kind: synonym == nil ? .title : .synonym, score: score, synonym: synonym)
    }

    /// The words of `text`, folded: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        FuzzyMatch.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
