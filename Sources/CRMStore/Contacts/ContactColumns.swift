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
    static func fields(_ draft: ContactDraft) -> ColumnValues {
        typealias T = ContactTable
        return [(T.typeID, draft.typeID), (T.accountID, draft.accountID), (T.firstName, draft.firstName),
                (T.lastName, draft.lastName), (T.jobTitle, draft.jobTitle), (T.email, draft.email),
                (T.phone, draft.phone), (T.mobile, draft.mobile), (T.messenger, draft.messenger), (T.note, draft.note)]
    }

    /// The derived columns; the sort keys fold as `ContactQuery.cursor(for:)` does.
    static func derived(_ draft: ContactDraft, _ link: AccountLink) -> ColumnValues {
        typealias T = ContactTable
        return [(T.accountName, link.name), (T.privateOwnerID, link.privateOwnerID),
                (T.sortName, sortName(draft)), (T.sortAccount, SearchText.fold(link.name ?? "")),
                (T.searchText, searchKey(draft, accountName: link.name))]
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
        let contacts = try Row.fetchAll(
            db, sql: "SELECT * FROM \(ContactTable.name) WHERE \(ContactTable.accountID.name) = ?", arguments: [account.id])
        let derivedNames = derived(ContactDraft(typeID: 0), link).map(\.0.name)
        let statement = try db.cachedStatement(
            sql: "UPDATE \(ContactTable.name) SET \(derivedNames.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
        for row in contacts {
            let contact = PersonalContact(row: row)
            try statement.execute(arguments: StatementArguments(derived(contact.fields, link).map(\.1) + [contact.id]))
        }
    }
}

extension PersonalContact {
    /// Decodes a row of `contacts`.
    init(row: Row) {
        typealias T = ContactTable
        var fields = ContactDraft(typeID: row[T.typeID], accountID: row[T.accountID])
        fields.firstName = row[T.firstName]
        fields.lastName = row[T.lastName]
        fields.jobTitle = row[T.jobTitle]
        fields.email = row[T.email]
        fields.phone = row[T.phone]
        fields.mobile = row[T.mobile]
        fields.messenger = row[T.messenger]
        fields.note = row[T.note]
        self.init(
            id: row[RecordColumns.id], fields: fields, accountName: row[T.accountName],
            createdByID: row[RecordColumns.createdByID],
            createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]),
            version: row[RecordColumns.version], isAnonymized: row[T.isAnonymized])
    }
}
