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

    @Option(name: .long, help: "The database file (default: $CRM_DB or ~/.local/share/crm/crm.sqlite).")
    var db: String?

    @Option(name: .long, help: "Run as this crm user (default: your login name).")
    var user: String?

    @Flag(name: .long, help: "Use the demo database, creating it on first use (runs as 'admin' unless --user).")
    var demo = false

    @Option(name: .long, help: "Key binding set: default, vim or emacs (default: from config.toml).")
    var keys: String?

    @Option(name: .long, help: "Colours: auto, never, 8 or 256 (default: from config.toml, else auto).")
    var color: String?

    func run() throws {
        try CLIRunner.run {
            let config = try AppConfig.load()
            let path = Paths.database(option: db, demo: demo)
            if demo, !FileManager.default.fileExists(atPath: path) {
                try DemoCommand.generate(scale: .small, path: path)
            }
            let database = try CLIRunner.openDatabase(path)
            let login = user ?? (demo ? "admin" : Paths.osLogin ?? "")
            let crmUser = try CLIRunner.resolveUser(login, in: database, path: path)
            let keymap = try KeymapSetup.load(set: keys ?? config.keys)
            let colorName = color ?? config.color ?? "auto"
            guard let preference = ColorPreference(rawValue: colorName) else {
                throw CLIError("--color takes auto, never, 8 or 256 (not \"\(colorName)\")", exitCode: 2)
            }
            let session = try AppSession(database: database, user: crmUser)
            let terminal = try CursesTerminal(colorPreference: preference)
            defer { terminal.shutdown() }
            let app = AppController(terminal: terminal, session: session, bindings: KeyBindings(keymap: keymap))
            app.run()
            database.optimize()
        }
    }
}
