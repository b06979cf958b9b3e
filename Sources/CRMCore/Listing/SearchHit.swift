/// One result of the "go to" search (SH-6): enough to show a line and open the record.
public struct SearchHit: Sendable, Hashable {
    public var entity: EntityKind
    public var id: Int64
    /// The record's name.
    public var title: String
    /// A line of context, e.g. the city of an account or the account of a contact.
    public var subtitle: String

    public init(entity: EntityKind, id: Int64, title: String, subtitle: String) {
        self.entity = entity
        self.id = id
        self.title = title
        self.subtitle = subtitle
    }
}
