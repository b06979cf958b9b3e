import CRMCore
import Foundation
import GRDB

/// The figures of the lead pages (LD-3), each read without touching more than a day's leads:
/// intraday from a range of `leads_by_created` (today and the week before), statistics and
/// conversions from the v17 lead counts (`Schema.addLeadStatistics`), whichever the period.
public struct LeadStatisticsRepository: Sendable {
    let database: AppDatabase

    /// Leads received in each hour of today in `zone` (the viewer's), and the average per hour
    /// of the `baselineDays` days before. Hours are counted from midnight in real hours, so on a
    /// day the clocks change the labels shift by one.
    public func intraday(in zone: TimeZone = .current, baselineDays: Int = 7) throws -> IntradayCounts {
        let now = database.clock()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let dayStart = calendar.startOfDay(for: now)
        let hour: Int64 = 3_600_000
        let start = dayStart.millisecondsSince1970
        let baselineStart = start - Int64(baselineDays) * 24 * hour
        return try database.read { db in
            var hours = [Int](repeating: 0, count: 24)
            for row in try Row.fetchAll(db, sql: """
                SELECT (created_at - ?1) / \(hour) AS hour, count(*) AS n FROM leads INDEXED BY leads_by_created
                WHERE created_at >= ?1 AND created_at < ?1 + \(24 * hour) GROUP BY 1
                """, arguments: [start]) {
                hours[row["hour"]] = row["n"]
            }
            var baseline = [Int](repeating: 0, count: 24)
            if baselineDays > 0 {
                for row in try Row.fetchAll(db, sql: """
                    SELECT ((created_at - ?1) / \(hour)) % 24 AS hour, count(*) AS n FROM leads INDEXED BY leads_by_created
                    WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1
                    """, arguments: [baselineStart, start]) {
                    baseline[row["hour"]] = (row["n"] * 100 + baselineDays / 2) / baselineDays
                }
            }
            return IntradayCounts(dayStart: dayStart, now: now, hours: hours, baselineHundredths: baseline,
                                  baselineDays: baselineDays)
        }
    }

    /// Leads received in `period` (up to now) grouped by `dimension`, with their counts by
    /// status kind; most leads first. Every lead counts in exactly one row, so the rows add up
    /// to the period's total.
    public func breakdown(by dimension: LeadDimension, in period: LeadPeriod) throws -> [LeadBreakdownRow] {
        let now = database.clock()
        return try database.read { db in
            let kinds = Dictionary(uniqueKeysWithValues: try LeadStatusRepository.list(db).map { ($0.id, $0.kind) })
            let table: LeadCountTable
            var arguments: StatementArguments = [dimension.rawValue]
            var range = ""
            if let days = period.days(at: now) {
                table = .byDay
                range = "AND bucket BETWEEN ? AND ?"
                arguments += [days.lowerBound, days.upperBound]
            } else {
                table = .byMonth
            }
            var tallies: [String: LeadTally] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT key, status_id, touched, sum(n) AS n FROM \(table.rawValue)
                WHERE dimension = ? \(range) GROUP BY key, status_id, touched
                """, arguments: arguments) {
                guard let kind = kinds[row["status_id"]] else { continue }
                tallies[row["key"], default: LeadTally()].add(row["n"], kind: kind, touched: row["touched"])
            }
            let names = try self.names(db, dimension, keys: Array(tallies.keys))
            return tallies.map { key, tally in LeadBreakdownRow(key: key, name: names[key] ?? key, tally: tally) }
                .sorted { ($0.tally.total, $1.name) > ($1.tally.total, $0.name) }
        }
    }

    /// What to show for each key: sources as stored, campaigns and owners by name.
    private func names(_ db: Database, _ dimension: LeadDimension, keys: [String]) throws -> [String: String] {
        var names: [String: String] = [:]
        switch dimension {
        case .source:
            for key in keys { names[key] = key.isEmpty ? "(no source)" : key }
        case .campaign:
            names[""] = "(no campaign)"
            let ids = keys.compactMap { Int64($0) }
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM campaigns WHERE id IN \(ids.sqlList)") {
                names[String(row["id"] as Int64)] = row["name"]
            }
        case .owner:
            names[""] = "(free pool)"
            let users = keys.filter { $0.hasPrefix("u") }.compactMap { Int64($0.dropFirst()) }
            for row in try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE id IN \(users.sqlList)") {
                names["u\(row["id"] as Int64)"] = row["display_name"]
            }
            let partners = keys.filter { $0.hasPrefix("p") }.compactMap { Int64($0.dropFirst()) }
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM partners WHERE id IN \(partners.sqlList)") {
                names["p\(row["id"] as Int64)"] = "Partner: " + (row["name"] as String)
            }
        }
        return names
    }
}

private extension Array where Element == Int64 {
    /// "(1,2,3)" for an IN list of ids (integers only, so nothing to escape); "(NULL)" when empty.
    var sqlList: String { isEmpty ? "(NULL)" : "(" + map(String.init).joined(separator: ",") + ")" }
}

extension AppDatabase {
    /// The figures of the lead pages (LD-3).
    public var leadStatistics: LeadStatisticsRepository { LeadStatisticsRepository(database: self) }
}
