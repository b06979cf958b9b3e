import CRMCore
import GRDB

/// Turns a `FilterExpression` into an SQL condition over one catalog's table.
///
/// A field term is false, never NULL-unknown, for a row without a value: negation is compiled
/// as `(…) IS NOT 1`, which holds when the inner condition is false or NULL, so `-owner:me`
/// keeps unowned rows. `nil` stands for "no condition" (a word without letters or digits).
struct FilterCompiler {
    let catalog: FilterCatalog
    let context: FilterContext

    func condition(_ expression: FilterExpression) throws(FilterError) -> SQL? {
        switch expression.node {
        case .and(let parts):
            return Self.all(try conditions(parts))
        case .or(let parts):
            let compiled = try conditions(parts)
            guard compiled.count == parts.count else { return nil }
            return "(" + compiled.joined(separator: " OR ") + ")"
        case .not(let part):
            return try condition(part).map(Self.negated) ?? "0"
        case .text(let text, let isPhrase):
            return condition(text: text, isPhrase: isPhrase)
        case .field(let term):
            return try condition(term)
        }
    }

    /// Words must start words of the search key; a phrase's words must also follow each other.
    func condition(text: String, isPhrase: Bool) -> SQL? {
        let words = SearchText.words(SearchText.fold(text)).map(String.init)
        guard !words.isEmpty else { return nil }
        let needles = isPhrase ? [" " + words.joined(separator: " ")] : words.map { " " + $0 }
        let column = catalog.qualified(catalog.searchTextColumn)
        return Self.all(needles.map { "instr(\(sql: column), \($0)) > 0" })
    }

    static func all(_ parts: [SQL]) -> SQL? {
        switch parts.count {
        case 0: nil
        case 1: parts[0]
        default: "(" + parts.joined(separator: " AND ") + ")"
        }
    }

    static func any(_ parts: [SQL]) -> SQL {
        switch parts.count {
        case 0: "0"
        case 1: parts[0]
        default: "(" + parts.joined(separator: " OR ") + ")"
        }
    }

    /// True when `condition` is false or NULL.
    static func negated(_ condition: SQL) -> SQL {
        "(\(condition)) IS NOT 1"
    }

    private func conditions(_ parts: [FilterExpression]) throws(FilterError) -> [SQL] {
        var compiled: [SQL] = []
        for part in parts {
            if let condition = try condition(part) { compiled.append(condition) }
        }
        return compiled
    }
}
