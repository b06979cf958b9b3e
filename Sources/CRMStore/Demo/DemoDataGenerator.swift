import CRMCore
import Foundation
import GRDB

/// Fills a new, empty database with deterministic demo data: users of every role, accounts
/// and contacts from several languages, favourites, key and private accounts.
///
/// The same seed gives the same data on every machine. `.large` (100,000 accounts, 1,000,000
/// contacts) exists to prove the lists stay fast; it loads in one transaction with indexes and
/// search indexes built afterwards.
public struct DemoDataGenerator: Sendable {
    public enum Scale: Sendable {
        /// 300 accounts and 1,500 contacts: for trying the app and for tests.
        case small
        /// 100,000 accounts and 1,000,000 contacts: for benchmarks.
        case large

        var accounts: Int { self == .small ? 300 : 100_000 }
        var contacts: Int { self == .small ? 1_500 : 1_000_000 }
        var favouritesPerUser: Int { self == .small ? 12 : 250 }
    }

    /// What was generated.
    public struct Summary: Sendable, Equatable {
        public var users: Int
        public var accounts: Int
        public var contacts: Int
        public var privateAccounts: Int
    }

    public let scale: Scale
    public let seed: UInt64

    public init(scale: Scale, seed: UInt64 = 20_250_601) {
        self.scale = scale
        self.seed = seed
    }

    /// The users every demo database has: login, display name, role.
    static let users: [(String, String, Role)] = [
        ("admin", "Administrator", .admin),
        ("eva.kralova", "Eva Králová", .salesDirector),
        ("jan.novak", "Jan Novák", .salesRep),
        ("lena.mueller", "Lena Müller", .salesRep),
        ("pieter.devries", "Pieter de Vries", .salesRep),
        ("yuki.tanaka", "田中 由紀", .salesRep),
        ("partner.nordwind", "Nordwind Partners", .partner),
    ]

    /// Timestamps are spread over the three years before this fixed date, so runs agree.
    private static let reference = Date(timeIntervalSince1970: 1_748_736_000)

    /// Generates into `database`, which must hold no users, accounts or contacts yet.
    ///
    /// `progress` receives a phase name and the fraction done, for a progress bar.
    @discardableResult
    public func generate(
        into database: AppDatabase, progress: (_ phase: String, _ fraction: Double) -> Void = { _, _ in }
    ) throws -> Summary {
        var summary = Summary(users: 0, accounts: 0, contacts: 0, privateAccounts: 0)
        try BulkLoad.run(
            database.writer, tables: ["accounts", "contacts", "journal", "favourites"],
            searchTables: ["accounts", "contacts"], progress: progress
        ) { db in
            let populated = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM contacts)
                """) ?? 0
            guard populated == 0 else { throw StoreError.notEmpty(database.displayPath) }
            var loader = try DemoLoader(db: db, maker: DemoRecordMaker(seed: seed, types: typeIDs(db)))
            let userIDs = try loader.insertUsers(Self.users, at: Self.reference)
            summary.users = userIDs.count
            let reps = Array(userIDs[1...5])
            var accounts: [DemoRecordMaker.AccountSummary] = []
            accounts.reserveCapacity(scale.accounts)
            for number in 0..<scale.accounts {
                if number % 1_000 == 0 { progress("Accounts", Double(number) / Double(scale.accounts)) }
                accounts.append(try loader.insertAccount(reps: reps, reference: Self.reference))
            }
            summary.accounts = accounts.count
            summary.privateAccounts = accounts.filter(\.isPrivate).count
            for number in 0..<scale.contacts {
                if number % 10_000 == 0 { progress("Contacts", Double(number) / Double(scale.contacts)) }
                let account = number % 20 == 19 ? nil : accounts[number * accounts.count / scale.contacts]
                try loader.insertContact(of: account, creators: reps, reference: Self.reference)
            }
            summary.contacts = scale.contacts
            progress("Favourites", 0)
            try loader.insertFavourites(users: userIDs, accounts: accounts, perUser: scale.favouritesPerUser)
        }
        if database.path != nil {
            try database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        progress("Done", 1)
        return summary
    }

    private func typeIDs(_ db: Database) throws -> DemoRecordMaker.TypeIDs {
        func id(_ sql: String, _ key: String) throws -> Int64 {
            guard let id = try Int64.fetchOne(db, sql: sql, arguments: [key]) else {
                throw RuleViolationError("The default type \"\(key)\" is missing; demo data needs the seeded types.")
            }
            return id
        }
        let account = "SELECT id FROM account_types WHERE key = ?"
        let contact = "SELECT id FROM contact_types WHERE name = ?"
        return try DemoRecordMaker.TypeIDs(
            person: id(account, "person"), company: id(account, "company"), account: id(account, "account"),
            employee: id(contact, "Employee"), consultant: id(contact, "Consultant"), other: id(contact, "Other"))
    }
}
