import GRDB

/// Which rows of a table a query picks, apart from their order: the SQL conditions (visibility,
/// view, narrowing) and the quick filter. List pages, counts and grouped totals are all built
/// from one selection, so they always describe the same rows.
struct RowSelection {
    let conditions: [SQL]
    let filter: QuickFilter
    /// True when `conditions` alone narrow the rows to few through an index (see `KeysetList`).
    let isNarrow: Bool
}
