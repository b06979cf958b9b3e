import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crm user add|list`: who may log in, with which role.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage crm users.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user who may log in.")

        @Argument(help: "The login name (a-z, 0-9, . _ -), e.g. the person's SSH account name.")
        var login: String

        @Option(help: "admin, sales-director, sales-rep or partner.")
        var role: String

        @Option(help: "The name shown in the app (default: the login).")
        var name: String?

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try CLIRunner.run {
                guard let parsedRole = Role(rawValue: role) else {
                    let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CLIError("unknown role \"\(role)\" (choose one of: \(roles))", exitCode: 2)
                }
                let add = { (db: AppDatabase) in try db.users.add(login: login, displayName: name ?? login, role: parsedRole) }
                let user = try database.demo ? add(database.openExisting()) : CLIRunner.withDatabase(database.path, add)
                CLIRunner.printSafely("Added \(user.login) (\(user.role.title)) to \(database.path)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try CLIRunner.run {
                let users = try database.openExisting().users.list()
                let width = max(5, users.map(\.login.count).max() ?? 5)
                print("LOGIN".padding(toLength: width, withPad: " ", startingAt: 0) + "  ROLE            NAME")
                for user in users {
                    let role = user.role.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                    CLIRunner.printSafely(user.login.padding(toLength: width, withPad: " ", startingAt: 0)
                                          + "  \(role)  \(user.displayName)" + (user.active ? "" : "  (deactivated)"))
                }
            }
        }
    }
}
