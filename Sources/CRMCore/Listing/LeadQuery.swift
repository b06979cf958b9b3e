/// What a lead list shows (LD-2): one of the lead views, narrowed by a filter, in an order.
public struct LeadQuery: Sendable, Hashable {
    public enum View: String, Sendable, Hashable, CaseIterable {
        /// Not archived and still to be worked (status kind new or working).
        case open
        /// Open leads without any sales activity yet.
        case noTouch
        /// Open leads in a status of kind "new".
        case incoming
        /// Open leads with a call scheduled (a "Call" activity after now).
        case callOn
        /// Open leads assigned to nobody: a rep can take one.
        case freePool
        /// Archived leads.
        case archived
        /// Qualified and disqualified leads, not archived: what became of the worked leads.
        case closed
        /// Every lead, archived or not, whatever its status (and where "go to" searches).
        case all
        /// Open leads assigned to the acting user.
        case mine
        /// Leads no splitter filter has processed, not archived (LP-6), whatever their status.
        case unprocessed

        public var title: String {
            switch self {
            case .open: "Open"
            case .noTouch: "No touch"
            case .incoming: "Incoming"
            case .callOn: "Call on"
            case .freePool: "Free pool"
            case .archived: "Archived"
            case .closed: "Closed"
            case .all: "All leads"
            case .mine: "My leads"
            case .unprocessed: "Unprocessed"
            }
        }
    }

    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Newest first by default: leads are worked as they come in.
        case created
        case name
    }

    public var view: View
    public var filter: String
    public var sort: Sort
    public var ascending: Bool

    public init(view: View = .open, filter: String = "", sort: Sort = .created, ascending: Bool = false) {
        self.view = view
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
    }

    public func cursor(for lead: Lead) -> PageCursor {
        switch sort {
        case .created: PageCursor(keys: [.integer(lead.createdAt.millisecondsSince1970)], id: lead.id)
        case .name: PageCursor(keys: [.text(SearchText.fold(lead.displayName))], id: lead.id)
        }
    }
}
