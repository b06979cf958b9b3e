/// A kind of sales activity (SA-1), e.g. "Call" or "Meeting"; configured by admins (ST-5).
///
/// The migration seeds Call, Meeting, E-mail and Note; a category in use cannot be deleted.
public struct ActivityCategory: Sendable, Hashable, Identifiable, Journaled {
    public var id: Int64
    public var name: String
    /// The place of the category in pick lists, lowest first.
    public var position: Int
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(id: Int64, name: String, position: Int, version: Int = 1) {
        self.id = id
        self.name = name
        self.position = position
        self.version = version
    }
}
