import CRMCore
import GRDB

/// A filter turned into SQL for one list: the condition for the list's WHERE clause (values
/// bound as arguments, never spliced into the text) and the plain words left to the quick
/// filter, whose search-index plans answer them fastest.
public struct CompiledFilter: Sendable {
    /// Rows must also meet this; `nil` when the words say everything.
    public var condition: SQL?
    /// The top-level words (and the words of top-level phrases), for `QuickFilter`; empty when
    /// the catalog has no search index, as the condition then covers them.
    public var words: String

    public init(condition: SQL?, words: String) {
        self.condition = condition
        self.words = words
    }
}

extension FilterCatalog {
    /// Parses and compiles `text`; throws the first problem with its position.
    public func compile(_ text: String, context: FilterContext) throws(FilterError) -> CompiledFilter {
        try compile(try FilterParser.parse(text), context: context)
    }

    /// Compiles a parsed filter; `nil` (an empty filter) keeps every row.
    public func compile(_ expression: FilterExpression?, context: FilterContext) throws(FilterError) -> CompiledFilter {
        guard let expression else { return CompiledFilter(condition: nil, words: "") }
        let compiler = FilterCompiler(catalog: self, context: context)
        guard ftsTable != nil else {
            return CompiledFilter(condition: try compiler.condition(expression), words: "")
        }
        let parts: [FilterExpression]
        if case .and(let children) = expression.node { parts = children } else { parts = [expression] }
        var words: [String] = []
        var conditions: [SQL] = []
        for part in parts {
            if case .text(let text, let isPhrase) = part.node {
                let tokens = SearchText.words(SearchText.fold(text)).map(String.init)
                words += tokens
                if isPhrase, tokens.count > 1, let phrase = compiler.condition(text: text, isPhrase: true) {
                    conditions.append(phrase)
                }
            } else if let condition = try compiler.condition(part) {
                conditions.append(condition)
            }
        }
        return CompiledFilter(condition: FilterCompiler.all(conditions), words: words.joined(separator: " "))
    }
}
