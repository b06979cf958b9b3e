/// The commands that work on every screen (the `global` context): quitting, help, the palette,
/// going to a record or a section, back, the sidebar's actions.
extension AppController {
    var globalCommands: [Command] {
        [
            Command(.appQuit) { $0.quit() },
            Command(.helpShow) { app in app.present(HelpOverlay(screen: app.currentScreen, app: app)) },
            Command(.paletteOpen) { app in app.present(CommandPalette.make(screen: app.currentScreen, app: app)) },
            Command(.gotoRecord) { app in app.present(GotoRecord.make(app: app)) },
            Command(.screenRedraw) { $0.redrawFully() },
            Command(.screenBack) { $0.pop() },
            Command(.sidebarFocus) { $0.openSidebarMenu() },
            Command(.sectionNext) { $0.switchSection(by: 1) },
            Command(.sectionPrev) { $0.switchSection(by: -1) },
        ] + Section.allCases.map { section in Command(section.command) { $0.switchSection(to: section) } }
    }

    /// The sidebar's actions as a menu (`a`), for terminals too narrow to show the sidebar.
    private func openSidebarMenu() {
        let screen = currentScreen
        let actions = screen.commands(app: self).placed(in: .sidebar)
        guard !actions.isEmpty else {
            show(message: "This page has no actions")
            return
        }
        present(MenuPopup(title: "Actions", items: actions.map { command in
            MenuItem(title: CommandRegistry.title(command.id), key: bindings.keyLabel(for: command.id, in: screen.contexts)) { app in
                command.run(app: app)
            }
        }))
    }

    /// The context menu of the current screen: its commands placed in `.menu`, with their keys.
    func openContextMenu(titled title: String) {
        let screen = currentScreen
        present(MenuPopup(title: title, items: screen.commands(app: self).placed(in: .menu).map { command in
            MenuItem(title: command.titleInMenu, key: bindings.keyLabel(for: command.id, in: screen.contexts)) { app in
                command.run(app: app)
            }
        }))
    }

    private func switchSection(by step: Int) {
        let all = Section.allCases
        let index = all.firstIndex(of: section) ?? 0
        switchSection(to: all[(index + step + all.count) % all.count])
    }
}
