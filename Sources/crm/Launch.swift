import ArgumentParser

/// Starts `crm`. The app itself — `crm`, `crm --db FILE --user LOGIN …`, what people start many
/// times a day — is parsed by `Open` alone: building the whole command tree first (every
/// subcommand's name, found by reflection) took a fifth of the app's start-up. Arguments that
/// `Open` alone does not take as they are (a subcommand, `--help`, a mistake) go to the whole
/// tree, which answers with its own usage and messages; `LaunchTests` holds the two to the same
/// result for the arguments the quick way takes.
@main
enum Launch {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let app = app(arguments) else {
            CRM.main(arguments)
            return
        }
        do {
            try app.run()
        } catch {
            CRM.exit(withError: error)
        }
    }

    /// The app as `CRM` parses `arguments`, when `Open` alone takes every one of them; nil for
    /// anything else.
    static func app(_ arguments: [String]) -> Open? {
        (try? Open.parseAsRoot(arguments)) as? Open
    }
}
