import CRMCore
import Foundation
import GRDB

/// How a personal contact maps to the columns of `contacts`, including the columns copied from
/// its account (name for sorting and search, private owner for visibility).
enum ContactColumns {
    /// What a contact row copies from its account.
    struct AccountLink {
        var name: String?
        /// The creator of a private account: only they may see its contacts.
        var privateOwnerID: Int64?

        static let none = AccountLink(name: nil, privateOwnerID: nil)

        init(name: String?, privateOwnerID: Int64?) {
            self.name = name
            self.privateOwnerID = privateOwnerID
        }

        init(_ account: Account) {
            self.init(name: account.displayName, privateOwnerID: account.isPrivate ? account.createdByID : nil)
        }
    }

    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: ContactDraft) -> ColumnTextValues {
        [("type_id", draft.typeID), ("account_id", draft.accountID), ("first_name", draft.firstName),
         ("last_name", draft.lastName), ("job_title", draft.jobTitle), ("email", draft.email),
         ("phone", draft.phone), ("mobile", draft.mobile), ("messenger", draft.messenger), ("note", draft.note)]
    }

    /// The derived columns; the sort keys fold as `ContactQuery.cursor(for:)` does.
    static func derived(_ draft: ContactDraft, _ link: AccountLink) -> ColumnTextValues {
        [("account_name", link.name), ("private_owner_id", link.privateOwnerID),
         ("sort_name", sortName(draft)), ("sort_account", SearchText.fold(link.name ?? "")),
         ("search_text", searchKey(draft, accountName: link.name))]
    }

    /// The key of the name sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: ContactDraft) -> String {
        SearchText.fold(draft.displayName)
    }

    /// The words the quick filter and the "go to" search match: name, job title, e-mail,
    /// phones and the account's name.
    static func searchKey(_ draft: ContactDraft, accountName: String?) -> String {
        SearchText.key([draft.firstName, draft.lastName, draft.jobTitle, draft.email, draft.phone, draft.mobile,
                        accountName ?? ""])
    }

    /// Rewrites the copied account columns of every contact of `account` after its name or
    /// privacy changed. A contact's own sort name does not involve the account, so its name
    /// rank stays valid.
    static func refresh(_ db: Database, contactsOf account: Account) throws {
        let link = AccountLink(account)
        let contacts = try Row.fetchAll(db, sql: "SELECT * FROM contacts WHERE account_id = ?", arguments: [account.id])
        let derivedNames = derived(ContactDraft(typeID: 0), link).map(\.0)
        let statement = try db.cachedStatement(
            sql: "UPDATE contacts SET \(derivedNames.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
        for row in contacts {
            let contact = PersonalContact(row: row)
            try statement.execute(arguments: StatementArguments(derived(contact.fields, link).map(\.1) + [contact.id]))
        }
    }
}

extension PersonalContact {
    /// Decodes a row of `contacts`.
    init(row: Row) {
        var fields = ContactDraft(typeID: row["type_id"], accountID: row["account_id"])
        fields.firstName = row["first_name"]
        fields.lastName = row["last_name"]
        fields.jobTitle = row["job_title"]
        fields.email = row["email"]
        fields.phone = row["phone"]
        fields.mobile = row["mobile"]
        fields.messenger = row["messenger"]
        fields.note = row["note"]
        self.init(
            id: row["id"], fields: fields, accountName: row["account_name"], createdByID: row["created_by_id"],
            createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"]),
            version: row["version"], isAnonymized: row["is_anonymized"])
    }
}
