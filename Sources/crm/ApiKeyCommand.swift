import ArgumentParser
import CRMCore
import CRMServer
import CRMStore
import Foundation

/// `crm apikey create|list|revoke`: the keys senders post leads with (LP-1).
struct ApiKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey", abstract: "Manage the API keys of the lead intake endpoint (crm serve).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key; prints it (and its signing secret) once — only a hash is stored.")

        @Argument(help: "A name for the sender, e.g. \"Website form\".")
        var name: String

        @Option(help: "The crm user responsible for this sender.")
        var user: String?

        @Option(help: "How payloads are read: generic, mailchimp or hubspot.")
        var mapping = "generic"

        @Flag(help: "Require an HMAC-SHA256 signature on every request (prints the secret).")
        var sign = false

        @Option(help: "Seconds a signed request's timestamp may differ from the server's clock.")
        var window = 300

        @Option(help: "Requests a minute this key may send.")
        var rate = 600

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try CLIRunner.run {
                guard let parsedMapping = ApiKey.Mapping(rawValue: mapping) else {
                    let names = ApiKey.Mapping.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CLIError("unknown mapping \"\(mapping)\" (choose one of: \(names))", exitCode: 2)
                }
                let db = try database.openExisting()
                let userID = try user.map { try CLIRunner.resolveUser($0, in: db, path: database.path).id }
                let draft = ApiKeyDraft(name: name, userID: userID, mapping: parsedMapping,
                                        signatureWindowSeconds: window, requestsPerMinute: rate)
                let issued = try ApiKeyIssuer.create(draft, signed: sign, in: db.apiKeys(actingAs: nil))
                CLIRunner.printSafely("Created API key \"\(issued.key.name)\" (\(parsedMapping.rawValue) mapping). Copy it now; it is not shown again:")
                print("key:    \(issued.plainKey)")
                if let secret = issued.signingSecret { print("secret: \(secret)") }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys (never the keys themselves).")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try CLIRunner.run {
                let db = try database.openExisting()
                let logins = Dictionary(uniqueKeysWithValues: try db.users.list().map { ($0.id, $0.login) })
                let keys = try db.apiKeys(actingAs: nil).list()
                let width = max(4, keys.map(\.name.count).max() ?? 4)
                print("NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  PREFIX      MAPPING    SIGNED  RATE/MIN  USER        STATE")
                for key in keys {
                    let columns = [
                        key.name.padding(toLength: width, withPad: " ", startingAt: 0),
                        key.keyPrefix.padding(toLength: 10, withPad: " ", startingAt: 0),
                        key.mapping.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0),
                        (key.signingSecret == nil ? "no" : "yes").padding(toLength: 6, withPad: " ", startingAt: 0),
                        String(key.requestsPerMinute).padding(toLength: 8, withPad: " ", startingAt: 0),
                        (key.userID.flatMap { logins[$0] } ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0),
                        key.isRevoked ? "revoked" : "active",
                    ]
                    CLIRunner.printSafely(columns.joined(separator: "  "))
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key; its requests are refused from now on.")

        @Argument(help: "The key's name.")
        var name: String

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try CLIRunner.run {
                let db = try database.openExisting()
                let key = try db.apiKeys(actingAs: nil).revoke(name: name)
                CLIRunner.printSafely("Revoked API key \"\(key.name)\" (\(key.keyPrefix)…).")
            }
        }
    }
}
