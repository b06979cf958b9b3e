import ArgumentParser
import CRMCore
import CRMStore
import Foundation

/// `crm rules list|show|add|remove|move|on|off|test`: the lead routing rules (LP-3…LP-5) from
/// the shell, numbered as they are tried. The condition syntax is in docs/lead-rules.md.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Manage the lead routing rules (first match wins).",
        subcommands: [List.self, Show.self, Add.self, Remove.self, Move.self, On.self, Off.self, Test.self])

    /// The database and the user the command acts as.
    struct Target: ParsableArguments {
        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Act as this crm user (default: your login name).")
        var user: String?

        /// The database, the acting user and the rule repository.
        func open() throws -> (database: AppDatabase, rules: LeadRuleRepository) {
            let opened = try database.openExisting()
            let actor = try CLIRunner.resolveUser(database.defaultLogin(user), in: opened, path: database.path)
            return (opened, opened.leadRules(actingAs: actor))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules in the order they are tried.")
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let (database, rules) = try target.open()
                let names = RuleNames(database)
                let all = try rules.list()
                if all.isEmpty { print("No lead rules yet: leads keep the assignment they arrive with; intake leads go to the free pool. Add one with `crm rules add`.") }
                for stored in all {
                    let rule = stored.rule
                    CLIRunner.printSafely("\(stored.position). \(rule.name)\(stored.isActive ? "" : " (off)"): when \(rule.conditionsText) "
                          + "→ \(names.outcome(rule.outcome))" + (rule.priority.map { ", priority \($0.rawValue)" } ?? ""))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one rule in full.")
        @Argument(help: "The rule's number in the list.") var number: Int
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let (database, rules) = try target.open()
                let stored = try RulesCommand.rule(number, in: rules)
                let names = RuleNames(database)
                CLIRunner.printSafely("Rule \(stored.position): \(stored.rule.name)\(stored.isActive ? "" : " (off)")")
                if stored.rule.matchesEveryLead { CLIRunner.printSafely("  matches every lead") }
                for condition in stored.rule.conditions { CLIRunner.printSafely("  when \(LeadConditionSyntax.format(condition))") }
                CLIRunner.printSafely("  send to \(names.outcome(stored.rule.outcome))")
                CLIRunner.printSafely("  priority \(stored.rule.priority?.rawValue ?? "kept as sent")")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rule.",
            discussion: """
                Example: crm rules add --name "DACH web" --when "country in DE, AT, CH" \
                --when "value >= 10000 EUR" --distribute "alice=50,bob=30,carol=20" --priority high
                """)
        @Option(help: "The rule's name (unique).") var name: String
        @Option(help: "A condition, FIELD OPERATOR VALUE; repeat for more (all must hold).") var when: [String] = []
        @Flag(help: "The rule matches every lead (a catch-all, without --when).") var everyLead = false
        @Option(help: "Send matching leads to this user (login).") var assignTo: String?
        @Option(help: "Send matching leads to this partner (name).") var partner: String?
        @Option(help: "Deal matching leads among users by weight, e.g. \"alice=50,bob=30,carol=20\".") var distribute: String?
        @Flag(help: "Leave matching leads in the free pool.") var freePool = false
        @Option(help: "Give matching leads this priority: low, normal, high or urgent.") var priority: String?
        @Option(help: "Insert at this number (default: last).") var at: Int?
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let (database, rules) = try target.open()
                var arguments = LeadRuleArguments()
                arguments.name = name
                arguments.when = when
                arguments.everyLead = everyLead
                arguments.assignTo = assignTo
                arguments.partner = partner
                arguments.distribute = distribute
                arguments.freePool = freePool
                arguments.priority = priority
                let names = RuleNames(database)
                do {
                    let rule = try arguments.rule(userID: names.userID, partnerID: names.partnerID)
                    let saved = try rules.create(rule, at: at)
                    CLIRunner.printSafely("Added rule \(saved.position): \(saved.rule.name)")
                } catch let error as LeadRuleArgumentError {
                    throw CLIError(error.description, exitCode: 2)
                } catch let error as CRMCore.ValidationError {
                    throw CLIError(error.errors.map(\.asArgumentError.description).joined(separator: "\n"), exitCode: 2)
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a rule; leads it routed keep their explanation.")
        @Argument(help: "The rule's number in the list.") var number: Int
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let rules = try target.open().rules
                let stored = try RulesCommand.rule(number, in: rules)
                try rules.delete(id: stored.id, expectedVersion: stored.version)
                CLIRunner.printSafely("Removed rule \(number): \(stored.rule.name)")
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a rule to another place in the order.")
        @Argument(help: "The rule's number in the list.") var number: Int
        @Option(help: "Its new number.") var to: Int
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let rules = try target.open().rules
                let stored = try RulesCommand.rule(number, in: rules)
                let count = try rules.list().count
                guard (1...count).contains(to) else {
                    throw CLIError("--to must be a rule number from 1 to \(count) (not \(to))", exitCode: 2)
                }
                let moved = try rules.move(id: stored.id, to: to, expectedVersion: stored.version)
                CLIRunner.printSafely("Moved \(stored.rule.name) to \(moved.first { $0.id == stored.id }?.position ?? to)")
            }
        }
    }

    struct On: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Switch a rule on.")
        @Argument(help: "The rule's number in the list.") var number: Int
        @OptionGroup var target: Target

        func run() throws { try RulesCommand.setActive(true, number, target) }
    }

    struct Off: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Switch a rule off; it is kept but skipped.")
        @Argument(help: "The rule's number in the list.") var number: Int
        @OptionGroup var target: Target

        func run() throws { try RulesCommand.setActive(false, number, target) }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say which rule a lead would fire and why, without saving anything.",
            discussion: "Example: crm rules test --json '{\"company\":\"Acme\",\"country\":\"DE\",\"source\":\"web\"}'")
        @Option(help: "The lead's fields as JSON, named as the generic intake form names them.") var json: String
        @OptionGroup var target: Target

        func run() throws {
            try CLIRunner.run {
                let database = try target.open().database
                let draft: LeadDraft
                do {
                    draft = try LeadFieldMapping.generic.draft(from: IntakePayload(json: Array(json.utf8))).get()
                } catch {
                    throw CLIError("--json: \(error)", exitCode: 2)
                }
                let (routed, history) = try database.previewRouting(draft)
                let names = RuleNames(database)
                CLIRunner.printSafely(history.routingExplanation)
                let target = routed.assigneeID.map(names.userName) ?? routed.partnerID.map { names.outcome(.partner($0)) } ?? "free pool"
                CLIRunner.printSafely("assignee: \(target), priority: \(routed.priority.rawValue)")
            }
        }
    }

    /// The rule at `number` (its place in the list), or an error naming the numbers there are.
    static func rule(_ number: Int, in rules: LeadRuleRepository) throws -> StoredLeadRule {
        let all = try rules.list()
        guard let stored = all.first(where: { $0.position == number }) else {
            throw CLIError(all.isEmpty ? "there are no rules" : "there is no rule \(number) (rules are 1–\(all.count))",
                           exitCode: 2)
        }
        return stored
    }

    static func setActive(_ active: Bool, _ number: Int, _ target: Target) throws {
        try CLIRunner.run {
            let rules = try target.open().rules
            let stored = try rule(number, in: rules)
            _ = try rules.setActive(active, id: stored.id, expectedVersion: stored.version)
            CLIRunner.printSafely("Rule \(number) (\(stored.rule.name)) is \(active ? "on" : "off")")
        }
    }
}

/// Users and partners by login and name, for reading and printing rules.
private struct RuleNames {
    let users: [User]
    let database: AppDatabase

    init(_ database: AppDatabase) {
        self.database = database
        users = (try? database.users.list()) ?? []
    }

    func userID(_ login: String) -> Int64? { users.first { $0.login.lowercased() == login.lowercased() }?.id }
    func userName(_ id: Int64) -> String { users.first { $0.id == id }.map { "\($0.displayName) (\($0.login))" } ?? "user \(id)" }

    func partnerID(_ name: String) -> Int64? {
        let folded = SearchText.fold(name)
        return ((try? database.names.find(.partners, matching: name)) ?? []).first { SearchText.fold($0.name) == folded }?.id
    }

    func outcome(_ outcome: LeadOutcome) -> String {
        switch outcome {
        case .assignee(let id): userName(id)
        case .partner(let id): "partner " + ((try? database.names.name(.partners, id: id)) ?? "#\(id)")
        case .distribution(let shares):
            "distribution " + SellerShareSyntax.format(shares) { id in users.first { $0.id == id }?.login ?? "#\(id)" }
        case .freePool: "free pool"
        }
    }
}
