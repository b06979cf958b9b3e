import CRMCore
import Foundation
import GRDB

/// How a partner maps to the columns of `partners`.
enum PartnerColumns {
    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: PartnerDraft) -> ColumnTextValues {
        [("name", draft.name), ("email", draft.email), ("phone", draft.phone), ("city", draft.city),
         ("country", draft.country), ("note", draft.note)]
    }

    /// The derived columns; the sort key folds as `PartnerQuery.cursor(for:)` does.
    static func derived(_ draft: PartnerDraft) -> ColumnTextValues {
        [("sort_name", sortName(draft)),
         ("search_text", SearchText.key([draft.name, draft.email, draft.phone, draft.city, draft.country]))]
    }

    /// The key of the name sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: PartnerDraft) -> String {
        SearchText.fold(draft.name)
    }
}

extension Partner {
    /// Decodes a row of `partners`.
    init(row: Row) {
        var fields = PartnerDraft(name: row["name"])
        fields.email = row["email"]
        fields.phone = row["phone"]
        fields.city = row["city"]
        fields.country = row["country"]
        fields.note = row["note"]
        self.init(
            id: row["id"], fields: fields, createdByID: row["created_by_id"],
            createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"]), version: row["version"])
    }
}
