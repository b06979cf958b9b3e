/// What a personal-contact list shows: which contacts, narrowed by the quick filter, in what order.
public struct ContactQuery: Sendable, Hashable {
    public enum View: Sendable, Hashable {
        /// Every contact the user may see.
        case all
        /// The contacts of one account (the account's "people" tab).
        case ofAccount(Int64)
    }

    public enum Sort: Sendable, Hashable {
        /// By name.
        case name
        /// By account name, then name.
        case account
        /// By last change.
        case updated
    }

    public var view: View
    /// Quick-filter text: every word must start some word of the name, job title, e-mail, phones
    /// or account name.
    public var filter: String
    public var sort: Sort
    public var ascending: Bool

    public init(view: View = .all, filter: String = "", sort: Sort = .name, ascending: Bool = true) {
        self.view = view
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
    }

    /// The paging position of `contact` in lists of this sort.
    public func cursor(for contact: PersonalContact) -> PageCursor {
        let name = PageCursor.Key.text(SearchText.fold(contact.displayName))
        switch sort {
        case .name:
            return PageCursor(keys: [name], id: contact.id)
        case .account:
            return PageCursor(keys: [.text(SearchText.fold(contact.accountName ?? "")), name], id: contact.id)
        case .updated:
            return PageCursor(keys: [.integer(contact.updatedAt.millisecondsSince1970)], id: contact.id)
        }
    }
}
