/// The bindings in force: per context, which key sequence runs which command.
///
/// Built from keymap files in order — the defaults, then the user's overrides — and read-only
/// afterwards: `KeySequenceResolver` consults it as keys arrive, and the help overlay, the
/// sidebar and the docs generator list it, so what is shown is always what is bound.
public struct Keymap: Sendable, Equatable {
    private var tables: [String: KeymapTable]

    private init(tables: [String: KeymapTable]) {
        self.tables = tables
    }

    /// No bindings at all.
    public static let empty = Keymap(tables: [:])

    /// The bindings of one file (its `"none"` entries have nothing to remove).
    public init(_ file: KeymapFile) {
        self = Keymap.merged(base: .empty, overrides: file)
    }

    /// `base` with each binding of `overrides` applied in turn, per context.
    ///
    /// A command replaces what the sequence did; `"none"` removes it (and, for a prefix, every
    /// sequence under it). Binding a command to a key that started sequences (`g`) drops those
    /// sequences, and binding a sequence under a key that ran a command drops the command.
    public static func merged(base: Keymap, overrides: KeymapFile) -> Keymap {
        var tables = base.tables
        for binding in overrides.bindings {
            tables[binding.context, default: KeymapTable()].apply(binding.sequence, binding.action)
        }
        for context in Set(overrides.bindings.map(\.context)) { tables[context]?.rebuildPrefixes() }
        return Keymap(tables: tables)
    }

    // MARK: - Resolution

    /// What `sequence` means in a context stack (most specific first): the first context that
    /// binds it, or uses it as the start of a longer sequence, decides.
    public func lookup(_ sequence: [KeyEvent], in contexts: [String]) -> KeymapLookup {
        let sequence = sequence.map(Keymap.canonical)
        for context in contexts {
            guard let table = tables[context] else { continue }
            if let command = table.commands[sequence] { return .command(command) }
            if table.prefixes.contains(sequence) { return .prefix }
        }
        return .unbound
    }

    /// The spelling keymap files produce for `event`, so a backend that reports Ctrl-I as
    /// `C-i` (rather than Tab) or Ctrl with an upper-case letter still matches.
    static func canonical(_ event: KeyEvent) -> KeyEvent {
        guard event.modifiers.contains(.ctrl), case .char(let c) = event.key, c.isASCII, c.isLetter else {
            return event
        }
        switch c.lowercased() {
        case "i": return KeyEvent(.tab, event.modifiers.subtracting(.ctrl))
        case "m": return KeyEvent(.enter, event.modifiers.subtracting(.ctrl))
        case let lower: return KeyEvent(.char(Character(lower)), event.modifiers)
        }
    }

    // MARK: - Queries for help, sidebar and docs

    /// Contexts that have at least one binding, sorted.
    public var contexts: [String] {
        tables.filter { !$0.value.commands.isEmpty }.keys.sorted()
    }

    /// Every binding of `context`, sorted by keys (then command), for the help overlay and docs.
    public func bindings(in context: String) -> [KeyBinding] {
        (tables[context]?.commands ?? [:])
            .map { KeyBinding(sequence: $0.key, command: $0.value) }
            .sorted { ($0.keys, $0.command) < ($1.keys, $1.command) }
    }

    /// The keys that run `command` in this context stack, shortest first (fewest chords, then
    /// shortest spelling, then context precedence); keys hidden by a more specific context are
    /// left out.
    /// The sidebar shows the first: "n  New account".
    public func keys(for command: String, in contexts: [String]) -> [String] {
        var found: [(chords: Int, length: Int, rank: Int, keys: String)] = []
        for (rank, context) in contexts.enumerated() {
            for (sequence, bound) in tables[context]?.commands ?? [:] where bound == command {
                guard reaches(sequence, command, in: contexts) else { continue }
                let keys = KeyChord.format(sequence)
                found.append((sequence.count, keys.count, rank, keys))
            }
        }
        var seen = Set<String>()
        return found
            .sorted { ($0.chords, $0.length, $0.rank, $0.keys) < ($1.chords, $1.length, $1.rank, $1.keys) }
            .map(\.keys)
            .filter { seen.insert($0).inserted }
    }

    /// True when pressing `sequence` in the stack really ends in `command`.
    private func reaches(_ sequence: [KeyEvent], _ command: String, in contexts: [String]) -> Bool {
        for length in stride(from: 1, to: sequence.count, by: 1)
        where lookup(Array(sequence.prefix(length)), in: contexts) != .prefix {
            return false
        }
        return lookup(sequence, in: contexts) == .command(command)
    }
}

/// What a key sequence means in a context stack.
public enum KeymapLookup: Sendable, Hashable {
    case command(String)
    /// The start of at least one longer sequence: wait for the next key.
    case prefix
    case unbound
}

/// A key sequence and the command it runs, as listed for help and docs.
public struct KeyBinding: Sendable, Hashable {
    public let sequence: [KeyEvent]
    public let command: String

    public init(sequence: [KeyEvent], command: String) {
        self.sequence = sequence
        self.command = command
    }

    /// The canonical spelling (`g d`, `C-p`).
    public var keys: String { KeyChord.format(sequence) }
}

/// The bindings of one context: whole sequences, plus every strict prefix for O(1) lookup.
struct KeymapTable: Sendable, Equatable {
    var commands: [[KeyEvent]: String] = [:]
    var prefixes: Set<[KeyEvent]> = []

    /// Applies one override; call `rebuildPrefixes()` when done.
    mutating func apply(_ sequence: [KeyEvent], _ action: KeymapAction) {
        commands = commands.filter { bound, _ in
            // The sequence itself and everything under it go in both cases.
            if bound.starts(with: sequence) { return false }
            // A command at a shorter key would swallow the new sequence.
            if case .command = action, sequence.starts(with: bound) { return false }
            return true
        }
        if case .command(let id) = action { commands[sequence] = id }
    }

    mutating func rebuildPrefixes() {
        prefixes = []
        for sequence in commands.keys {
            for length in stride(from: 1, to: sequence.count, by: 1) {
                prefixes.insert(Array(sequence.prefix(length)))
            }
        }
    }
}
