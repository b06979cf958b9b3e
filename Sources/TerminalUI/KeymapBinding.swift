/// What a keymap file says a key sequence does.
public enum KeymapAction: Sendable, Hashable {
    /// Runs the command with this dotted id (`cursor.down`).
    case command(String)
    /// `"none"`: removes the binding this sequence has in the files loaded before.
    case unbind
}

/// One binding as written in a keymap file, kept with its line for error messages and docs.
public struct KeymapBinding: Sendable, Hashable {
    /// The table it sits in (`list`, `global`).
    public let context: String
    /// The keys to press, in order; one element for a plain chord.
    public let sequence: [KeyEvent]
    public let action: KeymapAction
    /// The 1-based line of the key in its file.
    public let line: Int
    /// The keys as the file spells them (`S-g`, `g d`), so messages quote the author's text.
    public let written: String
    /// Orders bindings that share a line (`g = { a = ..., c = ... }`).
    let column: Int

    init(context: String, sequence: [KeyEvent], action: KeymapAction, line: Int, column: Int,
         written: String) {
        self.context = context
        self.sequence = sequence
        self.action = action
        self.line = line
        self.column = column
        self.written = written
    }

    /// The same binding running `command` instead (a renamed command's new id).
    func running(_ command: String) -> KeymapBinding {
        KeymapBinding(context: context, sequence: sequence, action: .command(command), line: line, column: column,
                      written: written)
    }

    /// The canonical spelling of `sequence` (`G` for `S-g`).
    public var keys: String { KeyChord.format(sequence) }
}
