import CRMCore
import Foundation
import GRDB

/// Anonymizing a lead (LD-9): its personal data is erased for good, while a non-personal
/// remainder keeps statistics counting it.
///
/// Erased: names, company, job title, e-mail, phone, mobile, website, description, UTM content,
/// custom attributes and the disqualification reason, from the row, from the old and new values
/// of the lead's journal rows for those fields (who, when and which field stay), from
/// `lead_keys` (its duplicate keys), from the search index, and the raw intake payload, whose
/// body becomes empty (when and through which key it arrived stay). Kept: status, source,
/// campaign, country, value, score, priority, tags, assignee or partner, project, UTM source,
/// medium and campaign, dates, which rule routed it, and the links to what it became. The routing
/// explanation is erased as well (in the row and the journal), because it quotes the lead's own
/// value when a rule compares a personal field ("e-mail is …").
///
/// The person is the lead together with the leads merged into it: their journal rows, payloads,
/// receipts and activities moved to it, so all of that is erased with it, and every name,
/// e-mail and phone any of them held is looked for. Mentions of the person in what stays are
/// replaced (`PersonErasure`): in the lead's other journal values (the merge line "#3002 First
/// Last"), in the activities on the lead, in the opportunity it became (its name and the
/// description copied from the lead) with that opportunity's history and activities; receipts
/// keyed by the person are dropped. The account and contact made when it was qualified are
/// records of their own: the account names the company, and the contact is anonymized on its
/// own (`ContactRepository.anonymize`). Afterwards the WAL is checkpointed, so no file keeps
/// the erased bytes (`AppDatabase.erasing`).
extension LeadRepository {
    /// The journal fields whose values are personal, besides `custom.*`.
    static let personalFields: [String] = [
        LeadDraft.Field.firstName, .lastName, .company, .jobTitle, .email, .phone, .mobile, .website, .description,
        .utmContent,
    ].map(\.rawValue) + [LeadDraft.Event.disqualifyReason, .routing].map(\.rawValue)

    /// What an anonymized lead says about how it was routed.
    static let erasedRoutingExplanation = "erased when the lead was anonymized"

    /// Erases the lead's personal data if it is still at `expectedVersion`; it then reads
    /// "Anonymized lead #ID" and can no longer be edited.
    public func anonymize(id: Int64, expectedVersion: Int) throws -> Lead {
        try database.erasing(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            guard !current.isAnonymized else { return current }
            let erasure = try PersonErasure(db, journal, .lead, id, current: current.fields)
            let erased = Self.remainder(of: current.fields, id: id)
            try db.updateRow(LeadTable.name, id: id, LeadColumns.fields(erased, statusID: current.statusID ?? 0)
                + LeadColumns.derived(erased)
                + [(LeadTable.disqualifyReason, ""), (LeadTable.routingExplanation, Self.erasedRoutingExplanation),
                   (LeadTable.anonymizedAt, journal.at.millisecondsSince1970),
                   (RecordColumns.updatedAt, journal.at.millisecondsSince1970),
                   NameRank(table: LeadTable.name).column(db, sortName: SearchText.fold(erased.displayName), id: id)])
            let fields = Self.personalFields.map { "'\($0)'" }.joined(separator: ", ")
            try db.execute(sql: """
                UPDATE journal SET old_value = NULL, new_value = NULL
                WHERE entity = ? AND entity_id = ? AND (field IN (\(fields)) OR field LIKE 'custom.%')
                """, arguments: [EntityKind.lead.rawValue, id])
            try erasure.scrubHistory(of: .lead, [id])
            try erasure.scrubActivities("lead_id = \(id)")
            try erasure.scrubOpportunities(current.history.opportunityID.map { [$0] } ?? [])
            try erasure.dropReceipts(ofLead: id)
            try db.execute(sql: "DELETE FROM lead_keys WHERE lead_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE lead_payloads SET body = zeroblob(0) WHERE lead_id = ?", arguments: [id])
            // Merging the FTS segments drops the deleted entries that still hold the old words.
            try db.execute(sql: "INSERT INTO leads_fts(leads_fts) VALUES ('optimize')")
            try journal.recorded(.anonymize, .lead, id)
            return try fetch(db, id: id)
        }
    }

    /// The fields that stay when the personal ones are erased.
    static func remainder(of fields: LeadDraft, id: Int64) -> LeadDraft {
        var kept = LeadDraft()
        kept.lastName = "Anonymized lead #\(id)"
        kept.country = fields.country
        kept.value = fields.value
        kept.score = fields.score
        kept.source = fields.source
        kept.campaignID = fields.campaignID
        kept.statusID = fields.statusID
        kept.priority = fields.priority
        kept.tags = fields.tags
        kept.assigneeID = fields.assigneeID
        kept.partnerID = fields.partnerID
        kept.projectID = fields.projectID
        kept.utmSource = fields.utmSource
        kept.utmMedium = fields.utmMedium
        kept.utmCampaign = fields.utmCampaign
        return kept
    }
}
