import TerminalUI

/// The command palette (SH-6): type part of what you want to do, in the title's words or your
/// own (`CommandSynonyms`), and Enter runs it.
///
/// Before anything is typed it lists this screen's commands first, in the sidebar's order, then
/// the ones that delete or discard, then those that work everywhere; so Enter on a palette opened
/// by mistake never deletes anything. Quitting is listed only once "quit" or "exit" is typed
/// (three letters at least).
enum CommandPalette {
    static func make(screen: Screen, app: AppController) -> MenuPopup {
        let contexts = screen.contexts + [.global]
        let declared = screen.commands(app: app)
        var seen = Set<CommandID>()
        let specs = (declared + app.globalCommands).compactMap { command -> CommandSpec? in
            guard seen.insert(command.id).inserted, let spec = CommandRegistry.spec(command.id), spec.inPalette else { return nil }
            return spec
        }
        let commands = ordered(specs, sidebar: declared.placed(in: .sidebar).map(\.id))
        return MenuPopup(title: "Command", emptyText: "No command matches",
                         noMatch: { "No command here matches “\($0)”" }) { query in
            matches(query, in: commands).map { spec, synonym in
                MenuItem(title: spec.title + (synonym.map { " · " + $0 } ?? ""),
                         key: app.bindings.keyLabel(for: spec.id, in: contexts)) { app in
                    app.run(spec.id)
                }
            }
        }
    }

    /// The commands as listed before anything is typed (see the type's comment); quitting is
    /// kept at the end, for `matches` to list only when named.
    static func ordered(_ commands: [CommandSpec], sidebar: [CommandID]) -> [CommandSpec] {
        let position = { (spec: CommandSpec) -> Int in sidebar.firstIndex(of: spec.id) ?? sidebar.count }
        let group = { (spec: CommandSpec) -> Int in
            switch spec.caution {
            case .exit: 3
            case .destructive: 1
            case .none: spec.context.isAppWide ? 2 : 0
            }
        }
        return commands.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if group(left) != group(right) { return group(left) < group(right) }
            if position(left) != position(right) { return position(left) < position(right) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The commands `query` names, best first (ties keep the order of `commands`), each with the
    /// synonym it was found by.
    static func matches(_ query: String, in commands: [CommandSpec]) -> [(CommandSpec, String?)] {
        let namesByWords = CommandMatch.words(query).contains { $0.count >= 3 }
        let found = commands.enumerated().compactMap { index, spec -> (Int, CommandSpec, CommandMatch)? in
            if spec.caution == .exit, !namesByWords { return nil }
            guard let match = CommandMatch.of(query, title: spec.title, synonyms: CommandSynonyms.words(for: spec.id),
                                              byWordsOnly: spec.caution == .exit) else { return nil }
            return (index, spec, match)
        }
        // Words beat letters in order: once some command is named by words, the rest are noise.
        let best = found.map(\.2.kind).min()
        return found
            .filter { best == .letters || $0.2.kind != .letters }
            .sorted { $0.2.ranks(above: $1.2) || (!$1.2.ranks(above: $0.2) && $0.0 < $1.0) }
            .map { ($0.1, $0.2.synonym) }
    }
}
