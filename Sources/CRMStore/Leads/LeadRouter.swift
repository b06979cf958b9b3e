import CRMCore
import Foundation
import GRDB

/// Sends a lead where the active routing rules say (LP-3…LP-5), inside the caller's write
/// transaction, and records which rule fired and why on the lead.
///
/// Rules are read and parsed per lead: a handful of small JSON texts costs microseconds (see
/// docs/lead-rules.md for the measured figure), and reading them in the lead's transaction means
/// a rule changed a moment ago applies to the very next lead, in every process. A distribution's
/// state is read from its rule row and written back in the same transaction, so restarts and
/// concurrent intake continue one sequence.
public struct LeadRouter: Sendable {
    /// The moment whose exchange rates value conditions compare with.
    let clock: @Sendable () -> Date

    /// Applies the first matching active rule to `draft` (assignee, partner, distribution or free
    /// pool; priority when the rule sets one) and fills `history.routingRuleID` and
    /// `history.routingExplanation`. When no rule matches, the lead keeps the assignment it has.
    public func route(_ db: Database, draft: inout LeadDraft, history: inout LeadHistory) throws {
        try apply(db, &draft, &history, recordingDistribution: true)
    }

    /// What routing would do to `draft` now, without advancing any distribution: `crm rules test`.
    func preview(_ db: Database, _ draft: LeadDraft) throws -> (draft: LeadDraft, history: LeadHistory) {
        var draft = draft
        var history = LeadHistory()
        try apply(db, &draft, &history, recordingDistribution: false)
        return (draft, history)
    }

    private func apply(_ db: Database, _ draft: inout LeadDraft, _ history: inout LeadHistory,
                       recordingDistribution: Bool) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, position, name, definition, distribution_state FROM lead_rules WHERE is_active = 1 ORDER BY position
            """))
        let rules = try rows.map { row in try LeadRuleJSON.decode(name: row["name"], row["definition"]) }
        let rates = rows.isEmpty ? nil : try MoneySettingsRepository.table(db, on: CalendarDate.day(of: clock()))
        let routing = LeadRuleSet(rules, numbers: rows.map { $0["position"] }).evaluate(draft, rates: rates)
        guard let number = routing.rulePosition, let row = rows.first(where: { $0["position"] == number }) else {
            history.routingRuleID = nil
            history.routingExplanation = "\(routing.explanation) → \(try RoutingTargetNames(db: db).current(draft))"
            return
        }
        let names = RoutingTargetNames(db: db)
        let target: String
        draft.partnerID = nil
        switch routing.outcome {
        case .assignee(let id):
            target = try assign(id, to: &draft, names: names, note: nil)
        case .partner(let id):
            draft.assigneeID = nil
            draft.partnerID = id
            target = try names.partner(id)
        case .distribution(let shares):
            let seller = try deal(db, ruleID: row["id"], shares: shares, state: row["distribution_state"],
                                  recording: recordingDistribution)
            let note = "distribution " + shares.map { String($0.weight) }.joined(separator: "/")
            target = try assign(seller, to: &draft, names: names, note: note)
        case .freePool:
            draft.assigneeID = nil
            target = "free pool"
        }
        if let priority = routing.priority { draft.priority = priority }
        history.routingRuleID = row["id"]
        history.routingExplanation = "\(routing.explanation) → \(target)"
            + (routing.priority.map { ", priority \($0.rawValue)" } ?? "")
    }

    /// Gives the lead to user `id`, or to the free pool when the user was deactivated after the
    /// rule was saved; returns how the explanation names where it went.
    private func assign(_ id: Int64, to draft: inout LeadDraft, names: RoutingTargetNames, note: String?) throws -> String {
        let (name, active) = try names.user(id)
        guard active else {
            draft.assigneeID = nil
            return "free pool (\(name) is inactive)"
        }
        draft.assigneeID = id
        return note.map { "\(name) (\($0))" } ?? name
    }

    /// The next seller of a distribution rule; with `recording`, its advanced state is stored.
    private func deal(_ db: Database, ruleID: Int64, shares: [SellerShare], state: String?, recording: Bool) throws -> SellerID {
        let saved = state.flatMap { try? JSONDecoder().decode(WeightedDistribution.State.self, from: Data($0.utf8)) }
        guard var distribution = WeightedDistribution(shares: shares, state: saved) else {
            throw RuleViolationError("A distribution rule has unusable shares; fix it in Settings → Lead rules.")
        }
        let seller = distribution.next()
        if recording {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try db.execute(sql: "UPDATE lead_rules SET distribution_state = ? WHERE id = ?",
                           arguments: [String(decoding: try encoder.encode(distribution.state), as: UTF8.self), ruleID])
        }
        return seller
    }
}

/// Names of the users and partners a routing explanation mentions, read as needed.
private struct RoutingTargetNames {
    let db: Database

    func user(_ id: Int64) throws -> (name: String, active: Bool) {
        guard let row = try Row.fetchOne(db, sql: "SELECT display_name, active FROM users WHERE id = ?", arguments: [id]) else {
            return ("user \(id)", false)
        }
        return (row["display_name"], row["active"])
    }

    func partner(_ id: Int64) throws -> String {
        "partner " + (try String.fetchOne(db, sql: "SELECT name FROM partners WHERE id = ?", arguments: [id]) ?? String(id))
    }

    /// Where the lead stays when no rule matched.
    func current(_ draft: LeadDraft) throws -> String {
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
