/// Turns keypresses into commands, one key at a time, following multi-key sequences (`g d`).
///
/// A value type so it can live in app state: feed it each `KeyEvent` with the focused context
/// stack (most specific first, e.g. `["popup", "form", "list", "global"]`) and act on the result.
public struct KeySequenceResolver: Sendable, Equatable {
    public var keymap: Keymap
    /// Keys of a sequence typed so far (empty when not inside one).
    public private(set) var pending: [KeyEvent] = []

    public init(keymap: Keymap) {
        self.keymap = keymap
    }

    /// Resolves one key.
    ///
    /// Inside a sequence, Esc cancels it and a key that continues no sequence ends it as
    /// `.unbound` with all its keys (the last key is not re-read on its own, as in vim and helix).
    /// Resize events pass through as `.unbound` without disturbing a pending sequence.
    public mutating func resolve(_ event: KeyEvent, in contexts: [String]) -> KeyResolution {
        if event.key == .resize { return .unbound([event]) }
        if !pending.isEmpty, event.key == .escape, event.modifiers.isEmpty {
            defer { pending = [] }
            return .cancelled(pending)
        }
        let sequence = pending + [event]
        switch keymap.lookup(sequence, in: contexts) {
        case .command(let id):
            pending = []
            return .command(id)
        case .prefix:
            pending = sequence
            return .pending(sequence)
        case .unbound:
            pending = []
            return .unbound(sequence)
        }
    }

    /// Forgets a half-typed sequence (e.g. when focus moves).
    public mutating func reset() {
        pending = []
    }

    /// What the status line shows while a sequence is pending (`g-`), else nil.
    public var pendingDescription: String? {
        pending.isEmpty ? nil : KeyChord.format(pending) + "-"
    }
}

/// The outcome of one keypress.
public enum KeyResolution: Sendable, Hashable {
    /// Run this command.
    case command(String)
    /// The keys so far start a sequence; wait for the next (show `g-`).
    case pending([KeyEvent])
    /// No binding: a single printable key may be typed into a text field; longer lists are a
    /// sequence that went nowhere.
    case unbound([KeyEvent])
    /// Esc ended a pending sequence; the Esc itself should do nothing else.
    case cancelled([KeyEvent])
}
