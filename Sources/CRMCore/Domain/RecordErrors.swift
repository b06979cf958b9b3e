import Foundation

/// Someone else saved or deleted the record after it was read (ST-7): the edit was refused and
/// nothing was written.
///
/// Carries the record as it is now, so the interface can show the fresh data next to the user's
/// unsaved edit and lose nothing.
public struct StaleRecordError<Record: Sendable>: Error, LocalizedError, CustomStringConvertible {
    public var entity: EntityKind
    /// The record as currently stored.
    public var fresh: Record

    public init(entity: EntityKind, fresh: Record) {
        self.entity = entity
        self.fresh = fresh
    }

    public var description: String {
        "Someone else changed this \(entity.noun) while you were editing it. "
            + "Your changes were not saved; the current version is shown."
    }

    public var errorDescription: String? { description }
}

/// The record does not exist, was deleted meanwhile, or is not visible to the acting user.
///
/// Invisible and missing records give the same error on purpose, so a private record's existence
/// does not leak.
public struct RecordNotFoundError: Error, Equatable, LocalizedError, CustomStringConvertible {
    public var entity: EntityKind
    public var id: Int64

    public init(entity: EntityKind, id: Int64) {
        self.entity = entity
        self.id = id
    }

    public var description: String {
        "The \(entity.noun) #\(id) no longer exists or is not visible to you."
    }

    public var errorDescription: String? { description }
}

/// A request the data rules refuse, such as deleting a type still in use; the message says why
/// and what to do instead.
public struct RuleViolationError: Error, Equatable, LocalizedError, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
