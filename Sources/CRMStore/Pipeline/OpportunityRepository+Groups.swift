import CRMCore
import GRDB

extension OpportunityRepository {
    /// A window of a list grouped by status: the groups' own keyset lists one after another, in
    /// board order, so a window that crosses a group boundary reads the end of one group and the
    /// start of the next, each through the `(status_id, sort…)` path. A grouped cursor is the
    /// status id followed by the cursor inside the group.
    func groupedPage(_ db: Database, _ query: OpportunityQuery, _ position: PagePosition, limit: Int) throws -> [Row] {
        let groups = try OpportunityStatusRepository.list(db).map(\.id)
        guard !groups.isEmpty, limit > 0 else { return [] }
        func group(of cursor: PageCursor) -> (Int, PageCursor) {
            guard case .integer(let statusID)? = cursor.keys.first, let index = groups.firstIndex(of: statusID) else {
                return (0, cursor)
            }
            return (index, PageCursor(keys: Array(cursor.keys.dropFirst()), id: cursor.id))
        }
        switch position {
        case .first: return try forward(db, query, groups, from: 0, .first, limit)
        case .last: return try backward(db, query, groups, from: groups.count - 1, .last, limit)
        case .after(let cursor):
            let (index, inner) = group(of: cursor)
            return try forward(db, query, groups, from: index, .after(inner), limit)
        case .startingAt(let cursor):
            let (index, inner) = group(of: cursor)
            return try forward(db, query, groups, from: index, .startingAt(inner), limit)
        case .before(let cursor):
            let (index, inner) = group(of: cursor)
            return try backward(db, query, groups, from: index, .before(inner), limit)
        }
    }

    private func forward(_ db: Database, _ query: OpportunityQuery, _ groups: [Int64], from start: Int,
                         _ position: PagePosition, _ limit: Int) throws -> [Row] {
        var rows: [Row] = []
        var position = position
        for index in start..<groups.count where rows.count < limit {
            rows += try list(db, inGroup: groups[index], query).page(db, position, limit: limit - rows.count)
            position = .first
        }
        return rows
    }

    private func backward(_ db: Database, _ query: OpportunityQuery, _ groups: [Int64], from start: Int,
                          _ position: PagePosition, _ limit: Int) throws -> [Row] {
        var rows: [Row] = []
        var position = position
        for index in stride(from: start, through: 0, by: -1) where rows.count < limit {
            rows = try list(db, inGroup: groups[index], query).page(db, position, limit: limit - rows.count) + rows
            position = .last
        }
        return rows
    }

    private func list(_ db: Database, inGroup statusID: Int64, _ query: OpportunityQuery) throws -> KeysetList {
        var inGroup = query
        inGroup.grouping = .none
        inGroup.statusID = statusID
        return try list(db, inGroup)
    }
}
