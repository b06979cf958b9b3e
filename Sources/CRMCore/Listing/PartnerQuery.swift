/// What a partner list shows: every partner, narrowed by the quick filter, by name.
///
/// Partners are few (tens to hundreds) and visible to everyone, so the list has no views and
/// one order; the quick filter still goes through the search index like every other list.
public struct PartnerQuery: Sendable, Hashable {
    /// Quick-filter text: every word must start some word of the name, e-mail, phone, city or
    /// country.
    public var filter: String
    public var ascending: Bool

    public init(filter: String = "", ascending: Bool = true) {
        self.filter = filter
        self.ascending = ascending
    }

    /// The paging position of `partner` in the list.
    public func cursor(for partner: Partner) -> PageCursor {
        PageCursor(keys: [.text(SearchText.fold(partner.name))], id: partner.id)
    }
}
