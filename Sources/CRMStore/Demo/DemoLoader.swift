import CRMCore
import Foundation
import GRDB

/// Inserts demo rows with cached statements, computing the derived columns with the same
/// `AccountColumns` / `ContactColumns` code as the repositories, so demo rows are
/// indistinguishable from rows saved through the app.
struct DemoLoader {
    let db: Database
    var maker: DemoRecordMaker

    /// Writes the one `create` journal row of a demo record.
    let journal: Statement
    /// One prepared INSERT per table, made on first use.
    private var inserts: [String: Statement] = [:]
    private var typeUsesPersonName: [Int64: Bool] = [:]

    init(db: Database, maker: DemoRecordMaker) throws {
        self.db = db
        self.maker = maker
        journal = try db.cachedStatement(sql: """
            INSERT INTO journal (at, user_id, entity, entity_id, action) VALUES (?, ?, ?, ?, 'create')
            """)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(AccountTypeTable.name)") {
            typeUsesPersonName[row[RecordColumns.id]] = row[AccountTypeTable.usesPersonName]
        }
    }

    func insertUsers(_ users: [(String, String, Role)], at moment: Date) throws -> [Int64] {
        try users.map { login, displayName, role in
            try db.execute(
                sql: "INSERT INTO users (login, display_name, role) VALUES (?, ?, ?)",
                arguments: [login, displayName, role.rawValue])
            let id = db.lastInsertedRowID
            try journal.execute(arguments: [moment.millisecondsSince1970, nil, EntityKind.user.rawValue, id])
            return id
        }
    }

    private var insertedAccounts = 0

    mutating func insertAccount(reps: [Int64], reference: Date) throws -> DemoRecordMaker.AccountSummary {
        var (draft, locale, domain) = maker.account()
        let creator = maker.random.pick(reps)
        draft.accountManagerID = maker.random.chance(0.85) ? maker.random.pick(reps) : nil
        // About one account in a hundred is private, spread evenly so every demo has some.
        draft.isPrivate = insertedAccounts % 97 == 41
        insertedAccounts += 1
        let created = maker.moment(before: reference)
        let updated = created.addingTimeInterval(Double(maker.random.next() % (100 * 86_400)))
        let usesPersonName = typeUsesPersonName[draft.typeID] ?? false
        let columns = AccountColumns.fields(draft) + AccountColumns.derived(draft, usesPersonName: usesPersonName)
            + [(RecordColumns.createdByID, creator), (RecordColumns.createdAt, created.millisecondsSince1970),
               (RecordColumns.updatedAt, min(updated, reference).millisecondsSince1970)]
        let id = try insert(into: AccountTable.name, columns)
        try journal.execute(arguments: [created.millisecondsSince1970, creator, EntityKind.account.rawValue, id])
        return DemoRecordMaker.AccountSummary(
            id: id, locale: locale, mailDomain: domain, isPrivate: draft.isPrivate, creatorID: creator,
            displayName: draft.displayName(usingPersonName: usesPersonName))
    }

    /// Inserts a new contact of `account` (or of no account) and returns its id.
    @discardableResult
    mutating func insertContact(of account: DemoRecordMaker.AccountSummary?, creators: [Int64], reference: Date) throws -> Int64 {
        let draft = maker.contact(of: account)
        let creator = account.map { $0.isPrivate ? $0.creatorID : maker.random.pick(creators) } ?? maker.random.pick(creators)
        return try insertContact(
            draft, link: ContactColumns.AccountLink(account), partnerID: nil, creator: creator,
            created: maker.moment(before: reference))
    }

    /// Inserts `draft`, working for the account of `link` and consulting for `partnerID`.
    @discardableResult
    mutating func insertContact(
        _ draft: ContactDraft, link: ContactColumns.AccountLink, partnerID: Int64?, creator: Int64, created: Date
    ) throws -> Int64 {
        let columns = ContactColumns.fields(draft) + ContactColumns.derived(draft, link)
            + [(ContactTable.partnerID, partnerID), (RecordColumns.createdByID, creator),
               (RecordColumns.createdAt, created.millisecondsSince1970), (RecordColumns.updatedAt, created.millisecondsSince1970)]
        let id = try insert(into: ContactTable.name, columns)
        try journal.execute(arguments: [created.millisecondsSince1970, creator, EntityKind.contact.rawValue, id])
        return id
    }

    /// Each user marks `perUser` accounts they can see as favourites.
    mutating func insertFavourites(users: [Int64], accounts: [DemoRecordMaker.AccountSummary], perUser: Int) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO favourites (user_id, account_id) VALUES (?, ?)")
        for user in users {
            for _ in 0..<perUser {
                let account = maker.random.pick(accounts)
                if !account.isPrivate || account.creatorID == user {
                    try statement.execute(arguments: [user, account.id])
                }
            }
        }
    }

    /// Inserts one row through a statement prepared once per table (the columns must come in
    /// the same order every time) and returns its id.
    mutating func insert(into table: String, _ columns: ColumnValues) throws -> Int64 {
        let statement = try inserts[table] ?? db.makeStatement(
            sql: "INSERT INTO \(table) (\(columns.map(\.0.name).joined(separator: ", "))) "
                + "VALUES (\(databaseQuestionMarks(count: columns.count)))")
        inserts[table] = statement
        statement.setUncheckedArguments(StatementArguments(columns.map(\.1)))
        try statement.execute()
        return db.lastInsertedRowID
    }
}
