import CRMCore
import GRDB

/// The lead statuses (LD-6, ST-5), in pick-list order. Editing them comes with the lead settings
/// screen; the seeded set covers new, working, qualified and three disqualified reasons.
public struct LeadStatusRepository: Sendable {
    let database: AppDatabase

    public func list() throws -> [LeadStatus] {
        try database.read { db in try Self.list(db) }
    }

    static func list(_ db: Database) throws -> [LeadStatus] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM lead_statuses ORDER BY position, id")).map { row in
            LeadStatus(id: row["id"], name: row["name"], kind: try row.decode("kind"), position: row["position"])
        }
    }

    /// The first status of `kind`, where new leads and state changes land by default.
    static func first(_ db: Database, kind: LeadStatusKind) throws -> LeadStatus {
        guard let status = try list(db).first(where: { $0.kind == kind }) else {
            throw RuleViolationError("No lead status of kind \"\(kind.rawValue)\" is set up.")
        }
        return status
    }
}
