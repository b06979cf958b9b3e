import CRMCore
import Foundation
import GRDB

/// Fills a new, empty database with deterministic demo data: users of every role, accounts
/// and contacts from several languages, favourites, key and private accounts, and a pipeline
/// (exchange rates, region projects, partners with consultants, opportunities in every status
/// and several currencies, tasks and sales activities), campaigns and leads.
///
/// The same seed gives the same data on every machine; leads are placed relative to the
/// database's clock, so today's leads are really today's. `.large` (100,000 accounts, 1,000,000
/// contacts, 250,000 opportunities, 1,000,000 leads) exists to prove the lists stay fast; it loads in one
/// transaction with indexes and search indexes built afterwards.
public struct DemoDataGenerator: Sendable {
    public enum Scale: Sendable {
        /// 300 accounts, 1,500 contacts, 2,000 opportunities, 300 tasks, 3,000 activities, 3,000
        /// leads: for trying the app and for tests.
        case small
        /// 100,000 accounts, 1,000,000 contacts, 250,000 opportunities, 10,000 tasks, 60,000
        /// activities, 1,000,000 leads: for benchmarks.
        case large

        var accounts: Int { self == .small ? 300 : 100_000 }
        var contacts: Int { self == .small ? 1_500 : 1_000_000 }
        var favouritesPerUser: Int { self == .small ? 12 : 250 }
        var partners: Int { self == .small ? 5 : 40 }
        var opportunities: Int { self == .small ? 2_000 : 250_000 }
        var tasks: Int { self == .small ? 300 : 10_000 }
        var activities: Int { self == .small ? 3_000 : 60_000 }
        var leads: Int { self == .small ? 3_000 : 1_000_000 }
        var campaigns: Int { self == .small ? 12 : 36 }
        /// The share of worked leads with a logged activity: every one in the small demo, a fifth
        /// in the large one, whose load time it would otherwise dominate.
        var leadActivityChance: Double { self == .small ? 1 : 0.2 }
    }

    /// What was generated.
    public struct Summary: Sendable, Equatable {
        public var users: Int
        public var accounts: Int
        /// The people of accounts (and of none); partners' consultants are counted apart.
        public var contacts: Int
        public var privateAccounts: Int
        public var partners = 0
        public var consultants = 0
        public var opportunities = 0
        public var tasks = 0
        public var activities = 0
        public var campaigns = 0
        public var leads = 0
        /// Sales activities on leads (in addition to `activities`).
        public var leadActivities = 0
    }

    public let scale: Scale
    public let seed: UInt64
    /// False leaves out the pipeline (rates, projects, partners, opportunities, tasks,
    /// activities): accounts and contacts only, for screens tested on data of their own.
    public let includesPipeline: Bool

    public init(scale: Scale, seed: UInt64 = 20_250_601, includesPipeline: Bool = true) {
        self.scale = scale
        self.seed = seed
        self.includesPipeline = includesPipeline
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
    static let reference = Date(timeIntervalSince1970: 1_748_736_000)

    /// Generates into `database`, which must hold no users, accounts or contacts yet.
    ///
    /// `progress` receives a phase name and the fraction done, for a progress bar.
    @discardableResult
    public func generate(
        into database: AppDatabase, progress: (_ phase: String, _ fraction: Double) -> Void = { _, _ in }
    ) throws -> Summary {
        var summary = Summary(users: 0, accounts: 0, contacts: 0, privateAccounts: 0)
        try BulkLoad.run(
            database.writer, tables: ["accounts", "contacts", "journal", "favourites", "partners", "opportunities", "leads", "lead_keys"],
            searchTables: ["accounts", "contacts", "partners", "opportunities", "leads"], progress: progress
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
            var contactOfAccount = [Int64?](repeating: nil, count: accounts.count)
            for number in 0..<scale.contacts {
                if number % 10_000 == 0 { progress("Contacts", Double(number) / Double(scale.contacts)) }
                let index = number % 20 == 19 ? nil : number * accounts.count / scale.contacts
                let id = try loader.insertContact(of: index.map { accounts[$0] }, creators: reps, reference: Self.reference)
                if let index, contactOfAccount[index] == nil { contactOfAccount[index] = id }
            }
            summary.contacts = scale.contacts
            progress("Favourites", 0)
            try loader.insertFavourites(users: userIDs, accounts: accounts, perUser: scale.favouritesPerUser)
            guard includesPipeline else { return }
            let pipeline = try generatePipeline(
                &loader, adminID: userIDs[0], reps: reps, accounts: accounts, contactOfAccount: contactOfAccount,
                progress: progress)
            summary.partners = pipeline.partnerIDs.count
            summary.consultants = pipeline.consultants
            summary.opportunities = pipeline.opportunities.count
            var random = SplitMix64(seed: seed ^ 0x5441_534B)
            progress("Tasks", 0)
            summary.tasks = try DemoProjects.insertTasks(
                db, random: &random, accounts: accounts, opportunities: pipeline.opportunities.filter(\.isOpen).map(\.id),
                users: reps, projects: pipeline.projectIDs, count: scale.tasks, reference: Self.pipelineMoment)
            progress("Sales activities", 0)
            summary.activities = try DemoActivities.insert(
                db, random: &random,
                opportunities: pipeline.opportunities.map { .init(id: $0.id, accountID: $0.accountID, ownerID: $0.ownerID) },
                accounts: accounts, reps: reps, count: scale.activities, reference: Self.pipelineMoment)
            let leads = try DemoLeads.insert(
                &loader, seed: seed, scale: scale,
                targets: .init(reps: reps, partners: pipeline.partnerIDs, opportunities: pipeline.opportunities),
                now: database.clock(), progress: progress)
            (summary.campaigns, summary.leads, summary.leadActivities) = (leads.campaigns, leads.leads, leads.activities)
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
