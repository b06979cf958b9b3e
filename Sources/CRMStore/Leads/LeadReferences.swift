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

    init(_ db: Database) {
        self.db = db
    }

    /// Validates the draft and the records it names; returns the status id to store (the first
    /// status of kind "new" when the draft has none).
    func check(_ draft: LeadDraft) throws -> Int64 {
        try check(draft, contentErrors: draft.validateContent())
    }

    /// `check` for a draft whose content was validated already (`ScreenedLead`).
    func check(_ draft: LeadDraft, contentErrors: [FieldError]) throws -> Int64 {
        var errors = contentErrors + draft.validateAssignment()
        let references: [(LeadDraft.Field, Int64?, String, String)] = [
            (.campaignID, draft.campaignID, "campaigns", "Choose an existing campaign."),
            (.statusID, draft.statusID, "lead_statuses", "Choose an existing lead status."),
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

    private func exists(_ id: Int64, in table: String) throws -> Bool {
        if let answer = known[table]?[id] { return answer }
        let answer = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"), arguments: [id]) != nil
        known[table, default: [:]][id] = answer
        return answer
    }
}
