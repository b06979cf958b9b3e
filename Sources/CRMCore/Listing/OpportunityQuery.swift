/// What an opportunity list or a board column shows (OP-3): which opportunities, narrowed by a
/// filter, in what order.
public struct OpportunityQuery: Sendable, Hashable {
    public enum View: Sendable, Hashable {
        /// Every opportunity the user may see.
        case all
        /// Opportunities the user owns.
        case mine
        /// The opportunities of one account (its detail tab).
        case ofAccount(Int64)
        /// The opportunities of one project, and of its subprojects when `withSubprojects`.
        case ofProject(Int64, withSubprojects: Bool)
        /// The opportunities assigned to one partner (its detail tab, PA-1).
        case ofPartner(Int64)
    }

    public enum Sort: String, Sendable, Hashable, CaseIterable {
        case name, account, amount, close, updated

        public var title: String {
            switch self {
            case .name: "name"
            case .account: "account"
            case .amount: "amount (in base currency)"
            case .close: "expected close"
            case .updated: "last change"
            }
        }
    }

    /// How rows are grouped: each group is a run of the list, in group order, sorted inside by
    /// `sort`.
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        case none
        /// By status, in board order.
        case status
    }

    public var view: View
    /// Only this status (a board column), or every status.
    public var statusID: Int64?
    /// Filter text: plain words match the name and account; the filter language adds fields.
    public var filter: String
    public var sort: Sort
    public var ascending: Bool
    public var grouping: Grouping

    public init(
        view: View = .all, statusID: Int64? = nil, filter: String = "", sort: Sort = .name, ascending: Bool = true,
        grouping: Grouping = .none
    ) {
        self.view = view
        self.statusID = statusID
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
        self.grouping = grouping
    }

    /// The paging position of `opportunity` in lists of this sort and grouping; a grouped
    /// cursor starts with the group (the status id).
    public func cursor(for opportunity: Opportunity) -> PageCursor {
        let inGroup = cursorInGroup(for: opportunity)
        guard isGroupedByStatus else { return inGroup }
        return PageCursor(keys: [.integer(opportunity.statusID)] + inGroup.keys, id: opportunity.id)
    }

    /// Grouped by status across statuses (a single board column is one group already).
    public var isGroupedByStatus: Bool { grouping == .status && statusID == nil }

    private func cursorInGroup(for opportunity: Opportunity) -> PageCursor {
        let name = PageCursor.Key.text(SearchText.fold(opportunity.name))
        switch sort {
        case .name:
            return PageCursor(keys: [name], id: opportunity.id)
        case .account:
            return PageCursor(keys: [.text(SearchText.fold(opportunity.accountName ?? "")), name], id: opportunity.id)
        case .amount:
            return PageCursor(keys: [.integer(opportunity.sortAmount)], id: opportunity.id)
        case .close:
            return PageCursor(keys: [.text(opportunity.expectedClose?.description ?? Opportunity.noCloseDateKey)], id: opportunity.id)
        case .updated:
            return PageCursor(keys: [.integer(opportunity.updatedAt.millisecondsSince1970)], id: opportunity.id)
        }
    }
}
