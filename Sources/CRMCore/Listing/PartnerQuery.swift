/// What a partner list shows: every partner, narrowed by the filter, by name.
///
/// Partners are few (tens to hundreds) and visible to everyone, so the list has no views and
/// one order (either way round); the filter still goes through the search index like every
/// other list.
public struct PartnerQuery: Sendable, Hashable {
    /// The one order of partner lists; a type of its own so the list plugs into the shared
    /// sortable list code.
    public enum Sort: Sendable, Hashable {
        case name
    }

    /// Filter text (FI-2): plain words must start some word of the name, e-mail, phone, city or
    /// country; the filter language adds the partner fields.
    public var filter: String
    public var sort: Sort
    public var ascending: Bool

    public init(filter: String = "", sort: Sort = .name, ascending: Bool = true) {
        self.filter = filter
        self.sort = sort
        self.ascending = ascending
    }

    /// The paging position of `partner` in the list.
    public func cursor(for partner: Partner) -> PageCursor {
        PageCursor(keys: [.text(SearchText.fold(partner.name))], id: partner.id)
    }
}
