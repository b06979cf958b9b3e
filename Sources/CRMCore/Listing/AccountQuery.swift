/// What an account list shows (AC-3): which accounts, narrowed by the quick filter, in what order.
public struct AccountQuery: Sendable, Hashable {
    public enum View: Sendable, Hashable {
        /// Every account the user may see.
        case all
        /// Accounts the user manages or created.
        case mine
        /// Accounts the user marked as favourites.
        case favourites
    }

    public enum Sort: Sendable, Hashable {
        /// By display name.
        case name
        /// By city, then display name.
        case city
        /// By last change.
        case updated
    }

    public var view: View
    /// Quick-filter text: every word must start some word of the name, e-mail, phone or city.
    public var filter: String
    public var sort: Sort
    public var ascending: Bool

    public init(view: View = .all, filter: String = "", sort: Sort = .name, ascending: Bool = true) {
        self.view = view
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
    }

    /// The paging position of `account` in lists of this sort.
    public func cursor(for account: Account) -> PageCursor {
        switch sort {
        case .name:
            PageCursor(keys: [.text(SearchText.fold(account.displayName))], id: account.id)
        case .city:
            PageCursor(
                keys: [.text(SearchText.fold(account.city)), .text(SearchText.fold(account.displayName))],
                id: account.id)
        case .updated:
            PageCursor(keys: [.integer(account.updatedAt.millisecondsSince1970)], id: account.id)
        }
    }
}
