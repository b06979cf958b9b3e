/// One problem in a keymap file, located by file and line so the person who wrote it can fix it.
///
/// `description` reads like a compiler message:
/// `keymaps/default.toml:12: unknown command "cursor.dwn" (did you mean "cursor.down"?)`.
public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for callers and tests that need more than the message.
    public enum Kind: Sendable, Hashable {
        /// The file is not valid TOML.
        case syntax
        /// A table name that is not one of the app's contexts.
        case unknownContext
        /// A key that `KeyChord` cannot parse.
        case unknownKey
        /// A command id the app does not declare.
        case unknownCommand
        /// A value that is neither a command id, `"none"`, nor a table of keys.
        case invalidValue
        /// The same key sequence bound twice in one context (`G` and `"S-g"` are one chord).
        case duplicateKey
        /// A key bound to a command and also used as the start of a longer sequence.
        case prefixConflict
        /// Not an error: a command id an earlier release used, which still works (a note).
        case renamedCommand
    }

    public let kind: Kind
    public let file: String
    public let line: Int
    /// Known for syntax errors (TOMLKit reports it); bindings are located by line only.
    public let column: Int?
    public let message: String

    public init(_ kind: Kind, file: String, line: Int, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Every problem found while loading a set of keymap files, thrown together so all can be fixed
/// in one pass rather than one per restart.
public struct KeymapLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public let errors: [KeymapError]

    public init(errors: [KeymapError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
