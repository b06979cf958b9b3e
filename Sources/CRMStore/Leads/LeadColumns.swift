import CRMCore
import Foundation
import GRDB

/// How a lead maps to the columns of `leads`.
enum LeadColumns {
    /// The columns of the editable fields with their values, for INSERT and UPDATE.
    static func fields(_ draft: LeadDraft, statusID: Int64) -> ColumnValues {
        content(draft) + assignment(draft, statusID: statusID)
    }

    /// The fields lead routing never changes; intake works them out before its transaction.
    static func content(_ draft: LeadDraft) -> ColumnValues {
        typealias T = LeadTable
        return [
            (T.firstName, draft.firstName), (T.lastName, draft.lastName), (T.company, draft.company),
            (T.jobTitle, draft.jobTitle), (T.email, draft.email), (T.phone, draft.phone), (T.mobile, draft.mobile),
            (T.website, draft.website), (T.country, draft.country), (T.valueMinor, draft.value?.minorUnits),
            (T.currency, draft.value?.currency.code), (T.score, draft.score), (T.source, draft.source),
            (T.campaignID, draft.campaignID),
            (T.tags, draft.tags.isEmpty ? "" : "," + draft.tags.joined(separator: ",") + ","),
            (T.projectID, draft.projectID),
            (T.utmSource, draft.utmSource), (T.utmMedium, draft.utmMedium), (T.utmCampaign, draft.utmCampaign),
            (T.utmContent, draft.utmContent), (T.description, draft.description),
            (T.customAttributes, JSONList.object(draft.customAttributes)),
        ]
    }

    /// The status and the assignment: what routing sets, and the status a lead gets by default.
    static func assignment(_ draft: LeadDraft, statusID: Int64) -> ColumnValues {
        [(LeadTable.statusID, statusID), (LeadTable.priority, draft.priority.rawValue),
         (LeadTable.assigneeID, draft.assigneeID), (LeadTable.partnerID, draft.partnerID)]
    }

    /// The derived columns: display and sort name, and the words the filter and go-to match.
    static func derived(_ draft: LeadDraft) -> ColumnValues {
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

        var columns: ColumnValues {
            [(LeadTable.displayName, displayName), (LeadTable.sortName, sortName), (LeadTable.searchText, searchText)]
        }

        var values: [DatabaseValue] {
            [displayName.databaseValue, sortName.databaseValue, searchText.databaseValue]
        }
    }
}

extension LeadColumns {
    /// What lead reads select from `leads l`: every column and the lead's shares as text
    /// (`sharesText`), read through the primary key of `lead_shares` for just the rows returned.
    static let selection: SQL = """
        l.*, (SELECT group_concat(share, ', ') FROM (
            SELECT u.display_name || ' ' || s.percent || '%' AS share FROM lead_shares s JOIN users u ON u.id = s.user_id
            WHERE s.lead_id = l.id ORDER BY s.percent DESC, u.display_name)) AS \(sql: sharesText.name)
        """

    /// "Carol 34%, Alice 33%", the shares `selection` adds to every lead row.
    static let sharesText = Column("shares_text")
}

/// Turns `leads` rows into `Lead` values with their status from the small `lead_statuses` table.
struct LeadDecoder {
    let statuses: [Int64: LeadStatus]

    init(_ db: Database) throws {
        statuses = Dictionary(uniqueKeysWithValues: try LeadStatusRepository.list(db).map { ($0.id, $0) })
    }

    func lead(_ row: Row) throws -> Lead {
        typealias T = LeadTable
        var fields = LeadDraft()
        fields.firstName = row[T.firstName]
        fields.lastName = row[T.lastName]
        fields.company = row[T.company]
        fields.jobTitle = row[T.jobTitle]
        fields.email = row[T.email]
        fields.phone = row[T.phone]
        fields.mobile = row[T.mobile]
        fields.website = row[T.website]
        fields.country = row[T.country]
        if let minor: Int64 = row[T.valueMinor], let code: String = row[T.currency] {
            fields.value = Money(minorUnits: minor, try Currency(code: code))
        }
        fields.score = row[T.score]
        fields.source = row[T.source]
        fields.campaignID = row[T.campaignID]
        fields.statusID = row[T.statusID]
        fields.priority = try row.decode(T.priority.name)
        fields.tags = (row[T.tags] as String).split(separator: ",").map(String.init)
        fields.assigneeID = row[T.assigneeID]
        fields.partnerID = row[T.partnerID]
        fields.projectID = row[T.projectID]
        fields.utmSource = row[T.utmSource]
        fields.utmMedium = row[T.utmMedium]
        fields.utmCampaign = row[T.utmCampaign]
        fields.utmContent = row[T.utmContent]
        fields.description = row[T.description]
        let custom = Data((row[T.customAttributes] as String).utf8)
        fields.customAttributes = (try? JSONSerialization.jsonObject(with: custom)) as? [String: String] ?? [:]
        guard let status = statuses[row[T.statusID]] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "lead \(row[RecordColumns.id] as Int64) has no status")
        }
        return Lead(
            id: row[RecordColumns.id], fields: fields, statusName: status.name, statusKind: status.kind,
            isArchived: row[T.isArchived], touchedAt: date(row, T.touchedAt), createdByID: row[RecordColumns.createdByID],
            createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]),
            version: row[RecordColumns.version], duplicateOfID: row[T.duplicateOfID], history: history(row))
    }

    private func history(_ row: Row) -> LeadHistory {
        typealias T = LeadTable
        return LeadHistory(
            accountID: row[T.accountID], contactID: row[T.contactID], opportunityID: row[T.opportunityID],
            qualifiedAt: date(row, T.qualifiedAt), disqualifyReason: row[T.disqualifyReason],
            anonymizedAt: date(row, T.anonymizedAt), apiKeyID: row[T.apiKeyID], routingRuleID: row[T.routingRuleID],
            routingExplanation: row[T.routingExplanation], splitFilterID: row[T.splitFilterID],
            shares: row[LeadColumns.sharesText] ?? "")
    }

    private func date(_ row: Row, _ column: Column) -> Date? {
        (row[column] as Int64?).map(Date.init(millisecondsSince1970:))
    }
}
