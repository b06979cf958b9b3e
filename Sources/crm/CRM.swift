import ArgumentParser

/// The `crm` command: with no subcommand it opens the terminal app (started by `Launch`).
struct CRM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "A keyboard-first CRM for the terminal.",
        discussion: """
            Run `crm` to open the app on your database, or `crm --demo` to try it on a demo \
            database that is created on first use.
            """,
        subcommands: [Open.self, DemoCommand.self, UserCommand.self, RulesCommand.self, ApiKeyCommand.self, Serve.self, BackupCommand.self, Keys.self, Bench.self],
        defaultSubcommand: Open.self
    )
}
