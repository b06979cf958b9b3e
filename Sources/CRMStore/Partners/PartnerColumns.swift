import CRMCore
import Foundation
import GRDB

/// How a partner maps to the columns of `partners`.
enum PartnerColumns {
    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: PartnerDraft) -> ColumnValues {
        typealias T = PartnerTable
        return [(T.partnerName, draft.name), (T.email, draft.email), (T.phone, draft.phone), (T.city, draft.city),
                (T.country, draft.country), (T.note, draft.note)]
    }

    /// The derived columns; the sort key folds as `PartnerQuery.cursor(for:)` does.
    static func derived(_ draft: PartnerDraft) -> ColumnValues {
        [(PartnerTable.sortName, sortName(draft)),
         (PartnerTable.searchText, SearchText.key([draft.name, draft.email, draft.phone, draft.city, draft.country]))]
    }

    /// The key of the name sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: PartnerDraft) -> String {
        SearchText.fold(draft.name)
    }
}

extension Partner {
    /// Decodes a row of `partners`.
    init(row: Row) {
        typealias T = PartnerTable
        var fields = PartnerDraft(name: row[T.partnerName])
        fields.email = row[T.email]
        fields.phone = row[T.phone]
        fields.city = row[T.city]
        fields.country = row[T.country]
        fields.note = row[T.note]
        self.init(
            id: row[RecordColumns.id], fields: fields, createdByID: row[RecordColumns.createdByID],
            createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]), version: row[RecordColumns.version])
    }
}
