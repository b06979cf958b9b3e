/// The text of one keymap file and the name to show in its error messages.
///
/// Keymaps come from embedded defaults as well as from disk, so the loader takes text, not paths:
/// the caller reads the file and passes the path it wants users to see (`keymaps/default.toml`,
/// `~/.config/crm/keymap.toml`).
public struct KeymapSource: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// What the app declares, so keymap files can be checked against it.
///
/// The app builds this from its command registry; a binding to a context or command that is not
/// listed here is a typo (or a stale file) and is reported with file and line.
public struct KeymapSchema: Sendable, Hashable {
    public var contexts: Set<String>
    public var commands: Set<String>
    /// Command ids an earlier release used, with the id that does the same now: files that bind
    /// them keep working, with a note saying the new name.
    public var renamed: [String: String]

    public init(contexts: Set<String>, commands: Set<String>, renamed: [String: String] = [:]) {
        self.contexts = contexts
        self.commands = commands
        self.renamed = renamed
    }
}
