import TerminalUI

/// The keymap in force plus the state of a half-typed key sequence.
///
/// Wraps TerminalUI's keymap with the app's command and context types, and answers the
/// questions the shell asks: what does this key do here, which key runs that command.
public final class KeyBindings {
    public let keymap: Keymap
    private var resolver: KeySequenceResolver

    public init(keymap: Keymap) {
        self.keymap = keymap
        resolver = KeySequenceResolver(keymap: keymap)
    }

    /// What the app checks keymap files against: every context and command it knows.
    public static var schema: KeymapSchema {
        KeymapSchema(contexts: Set(KeyContext.allCases.map(\.rawValue)),
                     commands: Set(CommandRegistry.all.map(\.id.rawValue)),
                     renamed: CommandID.renamed.mapValues(\.rawValue))
    }

    public enum Resolution: Equatable {
        case command(CommandID)
        case pending
        case unbound(String)
    }

    public var isPending: Bool { !resolver.pending.isEmpty }
    /// The keys of a pending sequence ("g"), for the status line.
    public var pendingText: String? { isPending ? KeyChord.format(resolver.pending) : nil }

    /// Resolves a key in a context stack, following sequences.
    public func resolve(_ event: KeyEvent, in contexts: [KeyContext]) -> Resolution {
        switch resolver.resolve(event, in: contexts.map(\.rawValue)) {
        case .command(let id): return .command(CommandID(rawValue: id))
        case .pending, .cancelled: return .pending
        case .unbound(let keys): return .unbound(KeyChord.format(keys))
        }
    }

    /// Resolves a single key without sequences (popups take one key at a time).
    public func resolveSingle(_ event: KeyEvent, in contexts: [KeyContext]) -> CommandID? {
        resolver.reset()
        if case .command(let id) = keymap.lookup([event], in: contexts.map(\.rawValue)) {
            return CommandID(rawValue: id)
        }
        return nil
    }

    /// The first key that runs `command` in these contexts (global included), for labels.
    public func keyLabel(for command: CommandID, in contexts: [KeyContext]) -> String? {
        keymap.keys(for: command.rawValue, in: (contexts + [.global]).map(\.rawValue)).first
    }

    /// Every binding of one context, for the help overlay and the docs.
    public func bindings(in context: KeyContext) -> [(keys: String, command: CommandID)] {
        keymap.bindings(in: context.rawValue).map { ($0.keys, CommandID(rawValue: $0.command)) }
    }
}
