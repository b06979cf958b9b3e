import CRMCore
import CRMStore

/// The logged-in user and the database, resolved once at start-up.
///
/// Screens reach the data only through the repositories handed out here, which apply the
/// user's visibility rules, so a screen can never show what its user may not see.
public final class AppSession {
    public let database: AppDatabase
    public let user: User
    private let watcher: DataVersionWatcher
    private var userNames: [Int64: String] = [:]
    public internal(set) var accountTypeList: [AccountType] = []
    public internal(set) var contactTypeList: [ContactType] = []
    /// The pipeline statuses in board order.
    public internal(set) var statusList: [OpportunityStatus] = []

    public init(database: AppDatabase, user: User) throws {
        self.database = database
        self.user = user
        watcher = try database.makeChangeWatcher()
        try refreshUsers()
        refreshTypes()
    }

    public var accounts: AccountRepository { database.accounts(actingAs: user) }
    public var contacts: ContactRepository { database.contacts(actingAs: user) }
    public var accountTypes: AccountTypeRepository { database.accountTypes(actingAs: user) }
    public var contactTypes: ContactTypeRepository { database.contactTypes(actingAs: user) }
    public var journal: JournalRepository { database.journal(actingAs: user) }
    public var search: SearchRepository { database.search(actingAs: user) }
    public var savedFilters: SavedFilterRepository { database.savedFilters(actingAs: user) }

    /// True when another connection committed since the last call (cheap: one PRAGMA).
    public func hasExternalChanges() -> Bool {
        guard (try? watcher.hasChanged()) == true else { return false }
        try? refreshUsers()
        refreshTypes()
        return true
    }

    /// A user's display name for lists ("—" when unknown).
    public func userName(_ id: Int64?) -> String {
        guard let id else { return "" }
        return userNames[id] ?? "#\(id)"
    }

    /// Users as choices for pickers.
    public func userChoices(matching query: String) -> [Choice] {
        let folded = SearchText.fold(query)
        return userNames.sorted { $0.value < $1.value }
            .filter { folded.isEmpty || SearchText.fold($0.value).contains(folded) }
            .map { Choice(id: String($0.key), title: $0.value) }
    }

    private func refreshUsers() throws {
        userNames = Dictionary(try database.users.list().map { ($0.id, $0.displayName) },
                               uniquingKeysWith: { first, _ in first })
    }
}

// MARK: - Configurable types, cached for drawing lists

extension AppSession {
    /// Reads the account and contact types again (after settings changed them).
    public func refreshTypes() {
        accountTypeList = (try? accountTypes.list()) ?? accountTypeList
        contactTypeList = (try? contactTypes.list()) ?? contactTypeList
        statusList = (try? opportunityStatuses.list()) ?? statusList
    }

    public func accountTypeName(_ id: Int64) -> String {
        accountTypeList.first { $0.id == id }?.name ?? "?"
    }

    public func contactTypeName(_ id: Int64) -> String {
        contactTypeList.first { $0.id == id }?.name ?? "?"
    }
}
