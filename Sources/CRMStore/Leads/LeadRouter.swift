import CRMCore
import Foundation
import GRDB

/// Sends a lead where the active routing rules say (LP-3…LP-5), inside the caller's write
/// transaction, and records which rule fired and why on the lead.
///
/// The rules are read when a transaction starts routing (`Pass`), so a rule changed a moment ago
/// applies to the very next transaction, in every process, while a batch of thousands of leads
/// reads and parses them once. A distribution's state is read from its rule row and written back
/// in the same transaction, so restarts and concurrent intake continue one sequence.
public struct LeadRouter: Sendable {
    /// The moment whose exchange rates value conditions compare with.
    let clock: @Sendable () -> Date

    /// Applies the first matching active rule to `draft` (assignee, partner, distribution or free
    /// pool; priority when the rule sets one) and fills `history.routingRuleID` and
    /// `history.routingExplanation`. When no rule matches, the lead keeps the assignment it has.
    public func route(_ db: Database, draft: inout LeadDraft, history: inout LeadHistory) throws {
        var pass = try Pass(db, on: clock())
        try pass.route(&draft, &history)
        try pass.finish()
    }

    /// What routing would do to `draft` now, without advancing any distribution: `crm rules test`.
    func preview(_ db: Database, _ draft: LeadDraft) throws -> (draft: LeadDraft, history: LeadHistory) {
        var draft = draft
        var history = LeadHistory()
        var pass = try Pass(db, on: clock())
        try pass.route(&draft, &history)
        return (draft, history)
    }

    /// Routing for the leads of one write transaction: the active rules, the exchange rates and
    /// the names explanations mention are read once. Distributions advance in memory and are
    /// stored by `finish`, which must run before the transaction commits. A copy taken before a
    /// lead and assigned back after that lead was refused undoes what routing did for it.
    struct Pass {
        private let db: Database
        private let rows: [Row]
        private let rules: LeadRuleSet
        private let rates: ExchangeRateTable?
        private var names: RoutingTargetNames
        /// Distributions advanced by this pass, by rule id.
        private var distributions: [Int64: WeightedDistribution] = [:]

        init(_ db: Database, on day: Date) throws {
            self.db = db
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, position, name, definition, distribution_state FROM lead_rules WHERE is_active = 1 ORDER BY position
                """))
            rules = LeadRuleSet(try rows.map { row in
                try LeadRuleJSON.decode(name: row[LeadRuleTable.ruleName], row[LeadRuleTable.definition])
            }, numbers: rows.map { $0[LeadRuleTable.position] })
            rates = rows.isEmpty ? nil : try MoneySettingsRepository.table(db, on: CalendarDate.day(of: day))
            names = RoutingTargetNames(db: db)
        }

        mutating func route(_ draft: inout LeadDraft, _ history: inout LeadHistory) throws {
            let routing = rules.evaluate(draft, rates: rates)
            guard let number = routing.rulePosition, let row = rows.first(where: { $0[LeadRuleTable.position] == number }) else {
                history.routingRuleID = nil
                history.routingExplanation = "\(routing.explanation) → \(try names.current(draft))"
                return
            }
            let target: String
            draft.partnerID = nil
            switch routing.outcome {
            case .assignee(let id):
                target = try assign(id, to: &draft, note: nil)
            case .partner(let id):
                draft.assigneeID = nil
                draft.partnerID = id
                target = try names.partner(id)
            case .distribution(let shares):
                let seller = try deal(ruleID: row[RecordColumns.id], shares: shares, state: row[LeadRuleTable.distributionState])
                let note = "distribution " + shares.map { String($0.weight) }.joined(separator: "/")
                target = try assign(seller, to: &draft, note: note)
            case .freePool:
                draft.assigneeID = nil
                target = "free pool"
            }
            if let priority = routing.priority { draft.priority = priority }
            history.routingRuleID = row[RecordColumns.id]
            history.routingExplanation = "\(routing.explanation) → \(target)"
                + (routing.priority.map { ", priority \($0.rawValue)" } ?? "")
        }

        /// Stores the advanced state of every distribution this pass dealt from.
        func finish() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for (ruleID, distribution) in distributions {
                try db.run("UPDATE \(LeadRuleTable.name) SET \(LeadRuleTable.distributionState.name) = ? WHERE id = ?",
                           [String(decoding: try encoder.encode(distribution.state), as: UTF8.self), ruleID])
            }
        }

        /// Gives the lead to user `id`, or to the free pool when the user was deactivated after
        /// the rule was saved; returns how the explanation names where it went.
        private mutating func assign(_ id: Int64, to draft: inout LeadDraft, note: String?) throws -> String {
            let (name, active) = try names.user(id)
            guard active else {
                draft.assigneeID = nil
                return "free pool (\(name) is inactive)"
            }
            draft.assigneeID = id
            return note.map { "\(name) (\($0))" } ?? name
        }

        /// The next seller of a distribution rule, continuing from its stored state.
        private mutating func deal(ruleID: Int64, shares: [SellerShare], state: String?) throws -> SellerID {
            if distributions[ruleID] == nil {
                let saved = state.flatMap { try? JSONDecoder().decode(WeightedDistribution.State.self, from: Data($0.utf8)) }
                guard let distribution = WeightedDistribution(shares: shares, state: saved) else {
                    throw RuleViolationError("A distribution rule has unusable shares; fix it in Settings → Lead rules.")
                }
                distributions[ruleID] = distribution
            }
            return distributions[ruleID]!.next()
        }
    }
}

/// Names of the users and partners a routing explanation mentions, read once each.
private struct RoutingTargetNames {
    let db: Database
    private var users: [Int64: (name: String, active: Bool)] = [:]
    private var partners: [Int64: String] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func user(_ id: Int64) throws -> (name: String, active: Bool) {
        if let known = users[id] { return known }
        let row = try Row.fetchOne(db, sql: "SELECT display_name, active FROM users WHERE id = ?", arguments: [id])
        let user: (name: String, active: Bool) = row.map { ($0["display_name"], $0["active"]) } ?? ("user \(id)", false)
        users[id] = user
        return user
    }

    mutating func partner(_ id: Int64) throws -> String {
        if let known = partners[id] { return known }
        let name = "partner " + (try String.fetchOne(db, sql: "SELECT name FROM partners WHERE id = ?", arguments: [id]) ?? String(id))
        partners[id] = name
        return name
    }

    /// Where the lead stays when no rule matched.
    mutating func current(_ draft: LeadDraft) throws -> String {
        if let id = draft.assigneeID { return "stays with \(try user(id).name)" }
        if let id = draft.partnerID { return "stays with \(try partner(id))" }
        return "free pool"
    }
}

extension AppDatabase {
    /// The router intake and lead creation call inside their write transactions.
    public var leadRouter: LeadRouter { LeadRouter(clock: clock) }

    /// Where the rules would send `draft` now, and why, without saving anything or advancing a
    /// distribution (`crm rules test`).
    public func previewRouting(_ draft: LeadDraft) throws -> (draft: LeadDraft, history: LeadHistory) {
        try read { db in try leadRouter.preview(db, draft) }
    }
}
