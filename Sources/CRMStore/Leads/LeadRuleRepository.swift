import CRMCore
import GRDB

/// The ordered routing rules of the lead processor (LP-3…LP-5), as the settings screen and
/// `crm rules` manage them.
///
/// Positions stay 1, 2, 3… without gaps or ties; every change is validated (the rule itself and
/// unique names within the set), checks that the users and partners it names exist, is
/// version-checked and journaled. Recording a distribution's state while routing does not count
/// as an edit, so intake never makes an open rule form stale.
public struct LeadRuleRepository: Sendable {
    let database: AppDatabase
    let actor: User

    /// Every rule, active or not, in the order they are tried.
    public func list() throws -> [StoredLeadRule] {
        try database.read { db in try Self.list(db) }
    }

    public func get(id: Int64) throws -> StoredLeadRule {
        try database.read { db in try Self.require(db, id: id) }
    }

    /// Adds `rule` at `position` (1 = tried first; `nil` or past the end: last); the rules from
    /// there on move down one place.
    public func create(_ rule: LeadRule, at position: Int? = nil) throws -> StoredLeadRule {
        try database.changeLeadRouting(as: actor) { db, journal in
            let others = try Self.list(db)
            let index = min(max(0, (position ?? Int.max) - 1), others.count)
            try check(rule, db, among: others.map(\.rule), at: index)
            let now = journal.at.millisecondsSince1970
            let id = try db.insertRow(into: LeadRuleTable.name, [
                (LeadRuleTable.position, -1), (LeadRuleTable.ruleName, rule.name),
                (LeadRuleTable.definition, LeadRuleJSON.encode(rule)),
                (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
            ])
            try journal.created(.leadRule, id, rule)
            var ids = others.map(\.id)
            ids.insert(id, at: index)
            try renumber(db, ids, journal: journal)
            return try Self.require(db, id: id)
        }
    }

    /// Saves `rule` over rule `id` if it is still at `expectedVersion`. Changed distribution
    /// shares restart the dealing (see `WeightedDistribution`).
    public func update(id: Int64, with rule: LeadRule, expectedVersion: Int) throws -> StoredLeadRule {
        try database.changeLeadRouting(as: actor) { db, journal in
            let current = try current(db, id: id, expectedVersion: expectedVersion)
            let all = try Self.list(db)
            try check(rule, db, among: all.filter { $0.id != id }.map(\.rule), at: current.position - 1)
            var columns: ColumnValues = [(LeadRuleTable.ruleName, rule.name), (LeadRuleTable.definition, LeadRuleJSON.encode(rule)),
                                         (RecordColumns.updatedAt, journal.at.millisecondsSince1970)]
            if case .distribution = rule.outcome {} else { columns.append((LeadRuleTable.distributionState, nil)) }
            try db.updateRow(LeadRuleTable.name, id: id, columns)
            try journal.updated(.leadRule, id, from: current.rule, to: rule)
            return try Self.require(db, id: id)
        }
    }

    /// Moves rule `id` to `position` (clamped to the list); the others close up around it.
    public func move(id: Int64, to position: Int, expectedVersion: Int) throws -> [StoredLeadRule] {
        try database.changeLeadRouting(as: actor) { db, journal in
            _ = try current(db, id: id, expectedVersion: expectedVersion)
            var ids = try Self.list(db).map(\.id).filter { $0 != id }
            ids.insert(id, at: min(max(0, position - 1), ids.count))
            try renumber(db, ids, journal: journal)
            return try Self.list(db)
        }
    }

    /// Switches the rule on or off; an inactive rule is skipped when routing.
    public func setActive(_ active: Bool, id: Int64, expectedVersion: Int) throws -> StoredLeadRule {
        try database.changeLeadRouting(as: actor) { db, journal in
            let current = try current(db, id: id, expectedVersion: expectedVersion)
            guard current.isActive != active else { return current }
            try db.updateRow(LeadRuleTable.name, id: id, [(LeadRuleTable.isActive, active),
                                                          (RecordColumns.updatedAt, journal.at.millisecondsSince1970)])
            try journal.changed(.leadRule, id, field: "active", from: String(current.isActive), to: String(active))
            return try Self.require(db, id: id)
        }
    }

    /// Deletes the rule if it is still at `expectedVersion`; leads it routed keep their explanation.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.changeLeadRouting(as: actor) { db, journal in
            _ = try current(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM lead_rules WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .leadRule, id)
            try renumber(db, try Self.list(db).map(\.id), journal: journal)
        }
    }

    // MARK: - Helpers

    static func list(_ db: Database) throws -> [StoredLeadRule] {
        try Row.fetchAll(db, sql: "SELECT * FROM lead_rules ORDER BY position").map(StoredLeadRule.init(row:))
    }

    static func require(_ db: Database, id: Int64) throws -> StoredLeadRule {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM lead_rules WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .leadRule, id: id)
        }
        return try StoredLeadRule(row: row)
    }

    private func current(_ db: Database, id: Int64, expectedVersion: Int) throws -> StoredLeadRule {
        let current = try Self.require(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .leadRule, fresh: current) }
        return current
    }

    /// Numbers the rules 1, 2, 3… in the order of `ids`. Positions are unique, so the rows that
    /// move first step aside to negative places. A place is not part of what the rule form edits,
    /// so moving leaves versions alone and never makes someone's open form stale.
    private func renumber(_ db: Database, _ ids: [Int64], journal: JournalWriter) throws {
        let old = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, position FROM lead_rules")
            .map { ($0[RecordColumns.id] as Int64, $0[LeadRuleTable.position] as Int) })
        let moved = ids.enumerated().filter { old[$0.element] != $0.offset + 1 }
        for (_, id) in moved {
            try db.execute(sql: "UPDATE lead_rules SET position = -id - 1 WHERE id = ?", arguments: [id])
        }
        for (index, id) in moved {
            try db.updateRow(LeadRuleTable.name, id: id, [(LeadRuleTable.position, index + 1)], bumpingVersion: false)
            if let before = old[id], before > 0 {
                try journal.changed(.leadRule, id, field: "position", from: String(before), to: String(index + 1))
            }
        }
    }

    /// The rule's own checks, a name unique in the set (`LeadRuleSet.validate` with the rule at
    /// `index`), and that the users (active) and partners it sends leads to exist.
    private func check(_ rule: LeadRule, _ db: Database, among others: [LeadRule], at index: Int) throws {
        var rules = others
        rules.insert(rule, at: min(index, rules.count))
        let position = min(index, others.count) + 1
        let (fieldPrefix, messagePrefix) = ("rules.\(position).", "Rule \(position): ")
        var errors = LeadRuleSet(rules).validate().filter { $0.field.hasPrefix(fieldPrefix) }.map { error in
            FieldError(field: String(error.field.dropFirst(fieldPrefix.count)),
                       message: String(error.message.dropFirst(error.message.hasPrefix(messagePrefix) ? messagePrefix.count : 0)))
        }
        errors += try outcomeProblems(rule.outcome, db)
        guard errors.isEmpty else { throw ValidationError(errors) }
    }

    private func outcomeProblems(_ outcome: LeadOutcome, _ db: Database) throws -> [FieldError] {
        let field = LeadRule.Field.outcome.rawValue
        var users: [Int64] = []
        switch outcome {
        case .assignee(let id): users = [id]
        case .distribution(let shares): users = shares.map(\.sellerID)
        case .partner(let id):
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM partners WHERE id = ?", arguments: [id]) == nil {
                return [FieldError(field: field, message: "Choose an existing partner.")]
            }
        case .freePool: break
        }
        for id in users where try Bool.fetchOne(db, sql: "SELECT active FROM users WHERE id = ?", arguments: [id]) != true {
            return [FieldError(field: field, message: "Send leads only to active users (user \(id) is not one).")]
        }
        return []
    }
}

extension StoredLeadRule {
    init(row: Row) throws {
        typealias T = LeadRuleTable
        self.init(id: row[RecordColumns.id], position: row[T.position], isActive: row[T.isActive],
                  rule: try LeadRuleJSON.decode(name: row[T.ruleName], row[T.definition]), version: row[RecordColumns.version])
    }
}

extension AppDatabase {
    /// The lead routing rules, changed on behalf of `user`.
    public func leadRules(actingAs user: User) -> LeadRuleRepository {
        LeadRuleRepository(database: self, actor: user)
    }
}
