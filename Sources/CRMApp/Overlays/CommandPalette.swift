import Foundation
import TerminalUI

/// The command palette (SH-6): type part of what you want to do, Enter runs it.
enum CommandPalette {
    static func make(screen: Screen, bindings: KeyBindings) -> MenuPopup {
        let contexts = screen.contexts + [.global]
        let commands = CommandRegistry.all.filter { spec in
            spec.inPalette && contexts.contains(spec.context) && (spec.context.isAppWide || screen.offers(spec.id))
        }
        return MenuPopup(title: "Command", emptyText: "No command matches") { query in
            commands
                .compactMap { spec in FuzzyMatch.score(query, in: spec.title + " " + spec.id.rawValue).map { (spec, $0) } }
                .sorted { $0.1 > $1.1 }
                .map { spec, _ in
                    MenuItem(title: spec.title, key: bindings.keyLabel(for: spec.id, in: contexts)) { app in
                        app.run(spec.id)
                    }
                }
        }
    }
}
