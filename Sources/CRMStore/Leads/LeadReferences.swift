import CRMCore
import GRDB

/// Checks a lead draft and the records it names (campaign, status, assignee, partner, project)
/// inside a write transaction, asking the database once per id: the leads of an intake batch
/// name the same few campaigns and sellers thousands of times.
final class LeadReferences {
    private let db: Database
    /// Whether a row exists, by table and id, as far as this transaction has asked.
    private var known: [String: [Int64: Bool]] = [:]
    private var newStatusID: Int64?
    /// The kind of every lead status, read when first needed.
    private var statusKinds: [Int64: LeadStatusKind]?

    init(_ db: Database) {
        self.db = db
    }

    /// Validates the draft and the records it names; returns the status id to store (the first
    /// status of kind "new" when the draft has none).
    ///
    /// Qualified and disqualified statuses are reached only by qualifying and disqualifying
    /// (LD-5, LD-6), which create or record what that step needs: a draft may keep a closed
    /// status its lead already has (`keeping`) but not move a lead into one.
    func check(_ draft: LeadDraft, keeping: Set<Int64> = []) throws -> Int64 {
        try check(draft, contentErrors: draft.validateContent(), keeping: keeping)
    }

    /// `check` for a draft whose content was validated already (`ScreenedLead`).
    func check(_ draft: LeadDraft, contentErrors: [FieldError], keeping: Set<Int64> = []) throws -> Int64 {
        var errors = contentErrors + draft.validateAssignment()
        if let statusID = draft.statusID, !keeping.contains(statusID), let problem = try statusProblem(statusID) {
            errors.append(FieldError(field: LeadDraft.Field.statusID.rawValue, message: problem))
        }
        let references: [(LeadDraft.Field, Int64?, String, String)] = [
            (.campaignID, draft.campaignID, "campaigns", "Choose an existing campaign."),
            (.assigneeID, draft.assigneeID, "users", "The assignee must be a user."),
            (.partnerID, draft.partnerID, "partners", "Choose an existing partner."),
            (.projectID, draft.projectID, "projects", "Choose an existing project."),
        ]
        for (field, id, table, message) in references {
            guard let id, try !exists(id, in: table) else { continue }
            errors.append(FieldError(field: field.rawValue, message: message))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        if let statusID = draft.statusID { return statusID }
        if newStatusID == nil { newStatusID = try LeadStatusRepository.first(db, kind: .new).id }
        return newStatusID!
    }

    private func statusProblem(_ id: Int64) throws -> String? {
        if statusKinds == nil {
            statusKinds = Dictionary(uniqueKeysWithValues: try LeadStatusRepository.list(db).map { ($0.id, $0.kind) })
        }
        switch statusKinds?[id] {
        case nil: return "Choose an existing lead status."
        case let kind? where !kind.isOpen: return "Qualified and disqualified statuses are set by qualifying or disqualifying the lead."
        default: return nil
        }
    }

    private func exists(_ id: Int64, in table: String) throws -> Bool {
        if let answer = known[table]?[id] { return answer }
        let answer = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"), arguments: [id]) != nil
        known[table, default: [:]][id] = answer
        return answer
    }
}
