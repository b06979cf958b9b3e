import CRMCore
import GRDB

/// The quick filter of a list: every typed word must be the prefix of some word of a row's
/// search key (case- and accent-insensitive, see `SearchText`).
///
/// Sorted by name (the default, and what the "go to" search uses), the FTS5 index answers
/// alone: its rowids are the rows' name ranks, so it lists the matches in list order and a page
/// is the first few of them, a millisecond or so for any number of matches.
///
/// Other sort orders have two ways that give the same answer, each fast where the other is slow:
/// - walking the list's sort index and testing each row's `search_text` for `" " + token`
///   fills a page after a few rows when matches are dense and spread through the sort order;
/// - asking the FTS5 index for the matches and sorting just those costs about a microsecond
///   per match, whatever the order.
/// A bounded FTS count (cheap thanks to the prefix indexes) picks the way per query. Matches are
/// often clustered in the sort order, so a dense walk gets a budget of rows and falls back to
/// the FTS index when it runs out.
struct QuickFilter {
    /// How a query applies the filter.
    enum Plan {
        /// No filter words.
        case everyRow
        /// Walk the sort index; each needle (`" " + token`) must occur in `search_text`.
        /// With a budget, give up after that many rows of the index.
        case scan([String], budget: Int?)
        /// Drive the query from the FTS5 matches of this MATCH expression, sorting them.
        case searchIndex(String)
        /// Read the FTS5 matches of this MATCH expression in rowid order, which is name order:
        /// only for lists sorted by name.
        case rankedSearchIndex(String)
    }

    let table: String
    let tokens: [String]
    /// Below this many FTS matches, sorting the matches beats walking the sort index (measured
    /// on a million contacts: about a microsecond per match).
    let sparseLimit: Int
    /// Rows a dense walk may read before the FTS index takes over.
    let walkBudget: Int

    init(table: String, text: String, sparseLimit: Int = 10_000, walkBudget: Int = 100_000) {
        self.table = table
        self.tokens = SearchText.filterTokens(text)
        self.sparseLimit = sparseLimit
        self.walkBudget = walkBudget
    }

    /// An FTS5 query requiring a prefix match of every token. Tokens hold only letters and
    /// digits, and are quoted anyway, so user text can never become FTS syntax.
    var matchExpression: String {
        tokens.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ")
    }

    /// The plans to try for one page, in order. `narrow` lists (few rows before filtering)
    /// always walk; lists sorted by name read the FTS matches in rank order; otherwise a
    /// budgeted walk for dense matches is followed by the FTS plan.
    func pagePlans(_ db: Database, narrow: Bool, sortedByName: Bool) throws -> [Plan] {
        guard !tokens.isEmpty else { return [.everyRow] }
        if narrow { return [.scan(needles, budget: nil)] }
        if sortedByName { return [.rankedSearchIndex(matchExpression)] }
        let sparse = [Plan.searchIndex(matchExpression)]
        return try ftsMatches(db, atLeast: sparseLimit) ? [.scan(needles, budget: walkBudget)] + sparse : sparse
    }

    /// The plan for counting: always the FTS index when it helps, as a count must see every match.
    func countPlan(narrow: Bool) -> Plan {
        tokens.isEmpty ? .everyRow : narrow ? .scan(needles, budget: nil) : .searchIndex(matchExpression)
    }

    private var needles: [String] { tokens.map { " " + $0 } }

    private func ftsMatches(_ db: Database, atLeast limit: Int) throws -> Bool {
        let fts = "\(table)_fts"
        let statement = try db.cachedStatement(
            sql: "SELECT count(*) FROM (SELECT 1 FROM \(fts) WHERE \(fts) MATCH ? LIMIT \(limit))")
        return try Int.fetchOne(statement, arguments: [matchExpression]) ?? 0 >= limit
    }
}
