import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import TerminalUICurses

/// `crm` / `crm open`: the full-screen app.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal app (the default when no subcommand is given).")

    @Option(name: .long, help: "Run as this crm user (default: your login name).")
    var user: String?

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "Key binding set: default, vim or emacs (default: from config.toml).")
    var keys: String?

    @Option(name: .long, help: "Colours: auto, never, 8 or 256 (default: from config.toml, else auto).")
    var color: String?

    func run() throws {
        try CLIRunner.run {
            let config = try AppConfig.load()
            let opened = try database.openExisting()
            let crmUser = try CLIRunner.resolveUser(database.defaultLogin(user), in: opened, path: database.path)
            let keymap = try KeymapSetup.load(set: keys ?? config.keys)
            let colorName = color ?? config.color ?? "auto"
            guard let preference = ColorPreference(rawValue: colorName) else {
                throw CLIError("--color takes auto, never, 8 or 256 (not \"\(colorName)\")", exitCode: 2)
            }
            let session = try AppSession(database: opened, user: crmUser)
            let terminal = try CursesTerminal(colorPreference: preference, crashReport: Paths.crashReport())
            defer { terminal.shutdown() }
            let app = AppController(terminal: terminal, session: session, bindings: KeyBindings(keymap: keymap))
            app.run()
            opened.optimize()
        }
    }
}
