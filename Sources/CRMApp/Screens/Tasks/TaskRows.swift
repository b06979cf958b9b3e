import CRMCore
import CRMStore

/// A line of a task list: a task, or the header of a primary-account group drawn above the
/// first task of each group (PR-2 "group by primary account").
public enum TaskListRow: Identifiable {
    /// The header of the group that `task` starts.
    case header(TaskRecord)
    case task(TaskRecord)

    public var task: TaskRecord {
        switch self {
        case .header(let task), .task(let task): task
        }
    }

    public var isHeader: Bool {
        if case .header = self { return true }
        return false
    }

    /// Headers take the negated id of the task they stand above; task ids are positive.
    public var id: Int64 { isHeader ? -task.id : task.id }
}

/// A task query plus whether the list is grouped by primary account; grouping sorts by
/// primary account (name, then due date), so each account's tasks are contiguous.
public struct TaskListQuery: ListQuery {
    public var base: TaskQuery
    public var grouped = false

    public var filter: String {
        get { base.filter }
        set { base.filter = newValue }
    }
    public var sort: TaskQuery.Sort {
        get { base.sort }
        set { base.sort = newValue }
    }
    public var ascending: Bool {
        get { base.ascending }
        set { base.ascending = newValue }
    }
    /// Saved filters keep the grouping by primary account as "primary-account".
    public var groupingKey: String? {
        get { grouped ? "primary-account" : nil }
        set { grouped = newValue == "primary-account" }
    }

    /// A header's cursor is its task's with the id negated, so paging knows which it was.
    public func cursor(for row: TaskListRow) -> PageCursor {
        var cursor = base.cursor(for: row.task)
        if row.isHeader { cursor.id = -cursor.id }
        return cursor
    }
}

/// Pages task rows by keyset, inserting group headers where the primary account changes.
///
/// Every page is a keyset page of tasks (at most one extra task read for context), so the
/// grouped list stays as cheap as the plain one however long it is.
public struct TaskRowRepository: KeysetRepository {
    let tasks: TaskRepository

    public func get(id: Int64) throws -> TaskListRow { .task(try tasks.get(id: id)) }

    public func count(_ query: TaskListQuery, cap: Int) throws -> BoundedCount {
        try tasks.count(query.base, cap: cap)
    }

    public func page(_ query: TaskListQuery, _ position: PagePosition, limit: Int) throws -> [TaskListRow] {
        let base = query.base
        guard query.grouped else { return try tasks.page(base, position, limit: limit).map(TaskListRow.task) }
        switch position {
        case .first:
            return Array(Self.rows(try tasks.page(base, .first, limit: limit), after: nil).prefix(limit))
        case .last:
            return rowsEnding(try tasks.page(base, .last, limit: limit + 1), limit: limit, header: nil)
        case .after(let cursor):
            // After a header comes its own task; after a task, the tasks that follow it.
            let (task, isHeader) = Self.split(cursor)
            let next = try tasks.page(base, isHeader ? .startingAt(task) : .after(task), limit: limit)
            return Array(Self.rows(next, after: Self.group(task)).prefix(limit))
        case .startingAt(let cursor):
            let (task, isHeader) = Self.split(cursor)
            let next = try tasks.page(base, .startingAt(task), limit: limit)
            let header = isHeader ? next.first.map { [TaskListRow.header($0)] } ?? [] : []
            return Array((header + Self.rows(next, after: Self.group(task))).prefix(limit))
        case .before(let cursor):
            let (task, isHeader) = Self.split(cursor)
            let earlier = try tasks.page(base, .before(task), limit: limit + 1)
            // A task that starts its group has its header right above it.
            var header: TaskRecord?
            if !isHeader, earlier.last?.sortAccount != Self.group(task) {
                header = try tasks.page(base, .startingAt(task), limit: 1).first
            }
            return rowsEnding(earlier, limit: limit, header: header)
        }
    }

    /// The last `limit` rows of `tasks` (one more than fit, when there are, giving the group
    /// before them), followed by `header`.
    private func rowsEnding(_ tasks: [TaskRecord], limit: Int, header: TaskRecord?) -> [TaskListRow] {
        var tasks = tasks
        let context = tasks.count > limit ? tasks.removeFirst() : nil
        var rows = Self.rows(tasks, after: context?.sortAccount)
        if let header { rows.append(.header(header)) }
        return Array(rows.suffix(limit))
    }

    /// `tasks` with a header before each one whose group differs from the one before it.
    static func rows(_ tasks: [TaskRecord], after previousGroup: String?) -> [TaskListRow] {
        var rows: [TaskListRow] = []
        var previous = previousGroup
        for task in tasks {
            if task.sortAccount != previous { rows.append(.header(task)) }
            rows.append(.task(task))
            previous = task.sortAccount
        }
        return rows
    }

    private static func split(_ cursor: PageCursor) -> (task: PageCursor, isHeader: Bool) {
        var task = cursor
        task.id = abs(cursor.id)
        return (task, cursor.id < 0)
    }

    /// The group key of a cursor of the primary-account sort.
    private static func group(_ cursor: PageCursor) -> String? {
        if case .text(let key)? = cursor.keys.first { return key }
        return nil
    }
}
