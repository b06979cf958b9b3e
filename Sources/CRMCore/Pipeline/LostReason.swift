/// Why a deal was lost (OP-2), e.g. "Price" or "Competitor": asked for when an opportunity
/// enters a lost status, so lost deals can be counted by cause. Configured by admins (ST-5).
///
/// The migration ships a starting list; a reason in use cannot be deleted.
public struct LostReason: Sendable, Hashable, Identifiable, Journaled {
    public var id: Int64
    public var name: String
    /// The place of the reason in pick lists, lowest first.
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
