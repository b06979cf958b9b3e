/// Every command the app knows. Keymaps are validated against it, and the help overlay,
/// the palette, the sidebar and docs/keybindings.md are generated from it.
///
/// Each area's commands live in `Registry/Commands+Area.swift`: the id constants and, beside
/// them, the entries with titles; so a new command is declared in that file and used in the
/// screen that runs it.
public enum CommandRegistry {
    public static let all: [CommandSpec] = navigation + cursor + records + opportunities + partners + board + leads + tasks + forms + popups

    private static let byID: [CommandID: CommandSpec] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func spec(_ id: CommandID) -> CommandSpec? { byID[id] }
    public static func title(_ id: CommandID) -> String { byID[id]?.title ?? id.rawValue }
    public static func label(_ id: CommandID) -> String { byID[id]?.label ?? id.rawValue }

    /// A word or two for the status-line hints ("help", "save"); the title when not given.
    static func hint(_ id: CommandID) -> String { byID[id]?.hint ?? title(id) }
}
