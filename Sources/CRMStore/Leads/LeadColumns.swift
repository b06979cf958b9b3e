import CRMCore
import Foundation
import GRDB

/// How a lead maps to the columns of `leads`.
enum LeadColumns {
    /// The columns of the editable fields with their values, for INSERT and UPDATE.
    static func fields(_ draft: LeadDraft, statusID: Int64) -> ColumnTextValues {
        content(draft) + assignment(draft, statusID: statusID)
    }

    /// The fields lead routing never changes; intake works them out before its transaction.
    static func content(_ draft: LeadDraft) -> ColumnTextValues {
        [
            ("first_name", draft.firstName), ("last_name", draft.lastName), ("company", draft.company),
            ("job_title", draft.jobTitle), ("email", draft.email), ("phone", draft.phone), ("mobile", draft.mobile),
            ("website", draft.website), ("country", draft.country), ("value_minor", draft.value?.minorUnits),
            ("currency", draft.value?.currency.code), ("score", draft.score), ("source", draft.source),
            ("campaign_id", draft.campaignID),
            ("tags", draft.tags.isEmpty ? "" : "," + draft.tags.joined(separator: ",") + ","),
            ("project_id", draft.projectID),
            ("utm_source", draft.utmSource), ("utm_medium", draft.utmMedium), ("utm_campaign", draft.utmCampaign),
            ("utm_content", draft.utmContent), ("description", draft.description),
            ("custom_attributes", JSONList.object(draft.customAttributes)),
        ]
    }

    /// The status and the assignment: what routing sets, and the status a lead gets by default.
    static func assignment(_ draft: LeadDraft, statusID: Int64) -> ColumnTextValues {
        [("status_id", statusID), ("priority", draft.priority.rawValue), ("assignee_id", draft.assigneeID),
         ("partner_id", draft.partnerID)]
    }

    /// The derived columns: display and sort name, and the words the filter and go-to match.
    static func derived(_ draft: LeadDraft) -> ColumnTextValues {
        Derived(draft).columns
    }

    /// The values of the derived columns, worked out once.
    struct Derived: Sendable {
        let displayName: String
        let sortName: String
        let searchText: String

        init(_ draft: LeadDraft) {
            displayName = draft.displayName
            sortName = SearchText.fold(displayName)
            searchText = SearchText.key([draft.firstName, draft.lastName, draft.company, draft.email, draft.phone,
                                         draft.mobile, draft.source])
        }

        var columns: ColumnTextValues {
            [("display_name", displayName), ("sort_name", sortName), ("search_text", searchText)]
        }

        var values: [DatabaseValue] {
            [displayName.databaseValue, sortName.databaseValue, searchText.databaseValue]
        }
    }
}

extension LeadColumns {
    /// What lead reads select from `leads l`: every column and the lead's shares as text
    /// (`shares_text`), read through the primary key of `lead_shares` for just the rows returned.
    static let selection: SQL = """
        l.*, (SELECT group_concat(share, ', ') FROM (
            SELECT u.display_name || ' ' || s.percent || '%' AS share FROM lead_shares s JOIN users u ON u.id = s.user_id
            WHERE s.lead_id = l.id ORDER BY s.percent DESC, u.display_name)) AS shares_text
        """
}

/// Turns `leads` rows into `Lead` values with their status from the small `lead_statuses` table.
struct LeadDecoder {
    let statuses: [Int64: LeadStatus]

    init(_ db: Database) throws {
        statuses = Dictionary(uniqueKeysWithValues: try LeadStatusRepository.list(db).map { ($0.id, $0) })
    }

    func lead(_ row: Row) throws -> Lead {
        var fields = LeadDraft()
        fields.firstName = row["first_name"]
        fields.lastName = row["last_name"]
        fields.company = row["company"]
        fields.jobTitle = row["job_title"]
        fields.email = row["email"]
        fields.phone = row["phone"]
        fields.mobile = row["mobile"]
        fields.website = row["website"]
        fields.country = row["country"]
        if let minor: Int64 = row["value_minor"], let code: String = row["currency"] {
            fields.value = Money(minorUnits: minor, try Currency(code: code))
        }
        fields.score = row["score"]
        fields.source = row["source"]
        fields.campaignID = row["campaign_id"]
        fields.statusID = row["status_id"]
        fields.priority = try row.decode("priority")
        fields.tags = (row["tags"] as String).split(separator: ",").map(String.init)
        fields.assigneeID = row["assignee_id"]
        fields.partnerID = row["partner_id"]
        fields.projectID = row["project_id"]
        fields.utmSource = row["utm_source"]
        fields.utmMedium = row["utm_medium"]
        fields.utmCampaign = row["utm_campaign"]
        fields.utmContent = row["utm_content"]
        fields.description = row["description"]
        let custom = Data((row["custom_attributes"] as String).utf8)
        fields.customAttributes = (try? JSONSerialization.jsonObject(with: custom)) as? [String: String] ?? [:]
        guard let status = statuses[row["status_id"]] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "lead \(row["id"] as Int64) has no status")
        }
        return Lead(
            id: row["id"], fields: fields, statusName: status.name, statusKind: status.kind, isArchived: row["is_archived"],
            touchedAt: (row["touched_at"] as Int64?).map(Date.init(millisecondsSince1970:)), createdByID: row["created_by_id"],
            createdAt: Date(millisecondsSince1970: row["created_at"]), updatedAt: Date(millisecondsSince1970: row["updated_at"]),
            version: row["version"], duplicateOfID: row["duplicate_of_id"], history: history(row))
    }

    private func history(_ row: Row) -> LeadHistory {
        func date(_ column: String) -> Date? { (row[column] as Int64?).map(Date.init(millisecondsSince1970:)) }
        return LeadHistory(
            accountID: row["account_id"], contactID: row["contact_id"], opportunityID: row["opportunity_id"],
            qualifiedAt: date("qualified_at"), disqualifyReason: row["disqualify_reason"], anonymizedAt: date("anonymized_at"),
            apiKeyID: row["api_key_id"], routingRuleID: row["routing_rule_id"],
            routingExplanation: row["routing_explanation"], splitFilterID: row["split_filter_id"],
            shares: row["shares_text"] ?? "")
    }
}
