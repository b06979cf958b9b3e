import CRMCore
import GRDB

/// What an opportunity is related to beyond its own fields (OP-4, OP-5): further accounts and
/// business roles. Each change is journaled on the opportunity, whose visibility it follows.
public struct OpportunityRelations: Sendable {
    let database: AppDatabase
    let actor: User

    /// The journal field of business-role changes: "First Last: role" when one is added.
    static let businessRolesField = OpportunityDraft.Event.businessRoles.rawValue
    /// The journal field of related accounts: the account's name as added or removed.
    static let relatedAccountsField = OpportunityDraft.Event.relatedAccounts.rawValue

    private var opportunities: OpportunityRepository { OpportunityRepository(database: database, actor: actor) }

    /// The related accounts the actor may see, by name.
    public func relatedAccounts(of opportunityID: Int64) throws -> [Account] {
        try database.read { db in
            _ = try opportunities.fetch(db, id: opportunityID)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT r.account_id FROM opportunity_accounts r JOIN accounts a ON a.id = r.account_id
                WHERE r.opportunity_id = ? ORDER BY a.sort_name, a.id
                """, arguments: [opportunityID])
            let accounts = database.accounts(actingAs: actor)
            return ids.compactMap { try? accounts.fetch(db, id: $0) }
        }
    }

    /// Relates an existing account; relating it twice is refused with a message.
    public func relate(accountID: Int64, to opportunityID: Int64) throws {
        try database.write(as: actor) { db, journal in
            let opportunity = try opportunities.fetch(db, id: opportunityID)
            let account = try database.accounts(actingAs: actor).fetch(db, id: accountID)
            if account.id == opportunity.accountID {
                throw RuleViolationError("“\(account.displayName)” is already the opportunity's account.")
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO opportunity_accounts (opportunity_id, account_id) VALUES (?, ?)",
                arguments: [opportunityID, accountID])
            guard db.changesCount > 0 else {
                throw RuleViolationError("“\(account.displayName)” is already related to this opportunity.")
            }
            try journal.changed(.opportunity, opportunityID, field: Self.relatedAccountsField, from: "", to: account.displayName)
        }
    }

    /// Removes a related account.
    public func unrelate(accountID: Int64, from opportunityID: Int64) throws {
        try database.write(as: actor) { db, journal in
            _ = try opportunities.fetch(db, id: opportunityID)
            let name = try String.fetchOne(db, sql: "SELECT display_name FROM accounts WHERE id = ?", arguments: [accountID])
            try db.execute(
                sql: "DELETE FROM opportunity_accounts WHERE opportunity_id = ? AND account_id = ?",
                arguments: [opportunityID, accountID])
            guard db.changesCount > 0 else { throw RecordNotFoundError(entity: .account, id: accountID) }
            try journal.changed(.opportunity, opportunityID, field: Self.relatedAccountsField, from: name ?? "#\(accountID)", to: "")
        }
    }

    /// The business roles of the opportunity whose contacts the actor may see.
    public func businessRoles(of opportunityID: Int64) throws -> [BusinessRole] {
        try database.read { db in
            _ = try opportunities.fetch(db, id: opportunityID)
            let sql: SQL = """
                SELECT b.id, b.opportunity_id, b.contact_id, b.role, c.first_name, c.last_name, c.account_name
                FROM business_roles b JOIN contacts c ON c.id = b.contact_id
                WHERE b.opportunity_id = \(opportunityID) AND \(Visibility(user: actor).contacts("c"))
                ORDER BY c.sort_name, b.id
                """
            return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map { row in
                let name = [row["first_name"] as String, row["last_name"] as String].filter { !$0.isEmpty }.joined(separator: " ")
                return BusinessRole(id: row["id"], opportunityID: row["opportunity_id"], contactID: row["contact_id"],
                                    contactName: name, accountName: row["account_name"], role: row["role"])
            }
        }
    }

    /// Gives a personal contact a role in the deal; one role per contact and opportunity.
    public func addBusinessRole(contactID: Int64, role: String, to opportunityID: Int64) throws {
        try database.write(as: actor) { db, journal in
            _ = try opportunities.fetch(db, id: opportunityID)
            let contact = try database.contacts(actingAs: actor).fetch(db, id: contactID)
            let trimmed = role.trimmingCharacters(in: .whitespacesAndNewlines)
            let field = BusinessRole.Field.role
            var errors: [FieldError] = []
            if trimmed.isEmpty { errors.append(FieldError(field: field.rawValue, message: "Describe the role, e.g. decision maker.")) }
            if let error = FieldRules.check(trimmed, field: field.rawValue, label: field.spec.label, limit: FieldRules.lineLimit) {
                errors.append(error)
            }
            guard errors.isEmpty else { throw ValidationError(errors) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO business_roles (opportunity_id, contact_id, role) VALUES (?, ?, ?)",
                arguments: [opportunityID, contactID, trimmed])
            guard db.changesCount > 0 else {
                throw ValidationError([FieldError(field: BusinessRole.Field.contact.rawValue,
                                                  message: "\(contact.displayName) already has a role here.")])
            }
            try journal.changed(.opportunity, opportunityID, field: Self.businessRolesField, from: "",
                                to: "\(contact.displayName): \(trimmed)")
        }
    }

    /// Removes a business role.
    public func removeBusinessRole(id: Int64) throws {
        try database.write(as: actor) { db, journal in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM business_roles WHERE id = ?", arguments: [id]) else {
                throw RuleViolationError("That business role was removed meanwhile.")
            }
            let opportunityID: Int64 = row["opportunity_id"]
            _ = try opportunities.fetch(db, id: opportunityID)
            try db.execute(sql: "DELETE FROM business_roles WHERE id = ?", arguments: [id])
            try journal.changed(.opportunity, opportunityID, field: Self.businessRolesField, from: row["role"], to: "")
        }
    }
}

extension AppDatabase {
    /// Related accounts and business roles of opportunities `user` may see.
    public func opportunityRelations(actingAs user: User) -> OpportunityRelations {
        OpportunityRelations(database: self, actor: user)
    }
}
