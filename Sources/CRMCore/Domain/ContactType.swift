import Foundation

/// A kind of personal contact (PC-2), e.g. "Employee" or "Consultant"; configured by admins.
public struct ContactType: Sendable, Hashable, Identifiable, Journaled {
    public var id: Int64
    public var name: String
    /// The place of the type in pick lists, lowest first.
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
