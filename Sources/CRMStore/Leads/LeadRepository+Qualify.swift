import CRMCore
import Foundation
import GRDB

/// What qualifying a lead asks of the user (LD-5), read before the qualify form opens: the
/// opportunity it would become, the fields its first status requires that the lead cannot
/// fill, and existing accounts and contacts that look like the lead's company and person.
public struct LeadQualificationPlan: Sendable {
    public var lead: Lead
    /// The status the opportunity starts in: the first open status of the pipeline.
    public var status: OpportunityStatus
    /// The opportunity prefilled from the lead (`Lead.opportunityProposal`).
    public var opportunity: OpportunityDraft
    /// The fields `status` requires that the proposal leaves empty; the account and contact are
    /// asked for separately (`needsAccount`, `needsContact`), so they are not listed here.
    public var missingFields: [OpportunityDraft.Field]
    /// True when the lead has no account yet: the user picks one, makes one from the lead, or
    /// goes without (unless the status requires one).
    public var needsAccount: Bool
    public var needsContact: Bool
    /// Visible accounts whose name has the words of the lead's company, or whose e-mail has the
    /// lead's e-mail domain (free-mail domains excepted); at most eight.
    public var accountMatches: [Account]
    /// Visible contacts with the lead's e-mail address.
    public var contactMatches: [PersonalContact]
}

extension LeadRepository {
    /// Reads what the qualify form needs; refuses a lead that was qualified already.
    public func qualificationPlan(id: Int64) throws -> LeadQualificationPlan {
        let user = try signedIn()
        let lead = try get(id: id)
        try Self.checkQualifiable(lead)
        let statuses = try database.opportunityStatuses(actingAs: user).list()
        guard let status = statuses.first(where: { $0.kind == .open }) else {
            throw RuleViolationError("The pipeline has no open status for the new opportunity.")
        }
        let proposal = lead.opportunityProposal(statusID: status.id, fallbackOwnerID: user.id)
        let needsAccount = lead.history.accountID == nil, needsContact = lead.history.contactID == nil
        return LeadQualificationPlan(
            lead: lead, status: status, opportunity: proposal,
            missingFields: proposal.missingFields(for: status).filter { $0 != .accountID && $0 != .contactID },
            needsAccount: needsAccount, needsContact: needsContact,
            accountMatches: needsAccount ? try matchingAccounts(lead, as: user) : [],
            contactMatches: needsContact ? try matchingContacts(lead, as: user) : [])
    }

    /// Qualifies the lead (LD-5) in one transaction: makes the account and contact the user
    /// asked for, creates the opportunity, links the lead to all three, stamps `qualified_at` and
    /// moves it to the first status of kind qualified, journaling every step. Nothing is saved
    /// when any part fails. Errors name the opportunity's fields, or `accountID` / `contactID`.
    public func qualify(id: Int64, expectedVersion: Int, _ qualification: LeadQualification) throws -> Lead {
        let user = try signedIn()
        return try database.write(as: user) { db, journal in
            let current = try fetch(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .lead, fresh: current) }
            try Self.checkQualifiable(current)
            let qualified = try LeadStatusRepository.first(db, kind: .qualified)
            let accountID = try current.history.accountID
                ?? account(qualification.account, for: current, db, journal, as: user)
            let contactID = try current.history.contactID
                ?? contact(qualification.contact, for: current, accountID: accountID, db, journal, as: user)
            var draft = qualification.opportunity
            draft.accountID = accountID
            draft.contactID = contactID
            let opportunityID = try database.opportunities(actingAs: user).insert(db, journal, draft)
            var changes = [
                Change(column: LeadTable.statusID, value: qualified.id, field: LeadDraft.Field.statusID.rawValue,
                       old: current.statusID.journalText, new: String(qualified.id)),
                Change(column: LeadTable.opportunityID, value: opportunityID, field: LeadDraft.Event.opportunity.rawValue,
                       old: "", new: String(opportunityID)),
                Change(column: LeadTable.qualifiedAt, value: journal.at.millisecondsSince1970,
                       field: LeadDraft.Event.qualifiedAt.rawValue, old: "", new: CalendarDate.day(of: journal.at).description),
            ]
            if accountID != current.history.accountID {
                changes.append(Change(column: LeadTable.accountID, value: accountID, field: LeadDraft.Event.account.rawValue,
                                      old: "", new: accountID.journalText))
            }
            if contactID != current.history.contactID {
                changes.append(Change(column: LeadTable.contactID, value: contactID, field: LeadDraft.Event.contact.rawValue,
                                      old: "", new: contactID.journalText))
            }
            try write(db, journal, leadID: id, changes)
            return try fetch(db, id: id)
        }
    }

    // MARK: - Helpers

    private static func checkQualifiable(_ lead: Lead) throws {
        if lead.isQualified {
            let when = lead.history.qualifiedAt.map { " (on \(CalendarDate.day(of: $0)))" } ?? ""
            throw RuleViolationError("“\(lead.displayName)” was qualified already\(when).")
        }
        if lead.isAnonymized {
            throw RuleViolationError("“\(lead.displayName)” was anonymized; it cannot be qualified.")
        }
    }

    /// The account of the opportunity: the one picked, a new one named after the lead's company,
    /// or none.
    private func account(_ link: LeadQualification.Link, for lead: Lead, _ db: Database, _ journal: JournalWriter,
                         as user: User) throws -> Int64? {
        let accounts = database.accounts(actingAs: user)
        let field = OpportunityDraft.Field.accountID.rawValue
        switch link {
        case .none:
            return nil
        case .existing(let id):
            do {
                return try accounts.fetch(db, id: id).id
            } catch is RecordNotFoundError {
                throw ValidationError([FieldError(field: field, message: "Choose an existing account.")])
            }
        case .fromLead:
            let company = lead.company.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !company.isEmpty else {
                throw ValidationError([FieldError(
                    field: field, message: "The lead has no company to name a new account after; pick an existing one.")])
            }
            guard let typeID = try Int64.fetchOne(db, sql: """
                SELECT id FROM account_types WHERE uses_organisation_name = 1 ORDER BY uses_person_name, position, id LIMIT 1
                """) else { throw RuleViolationError("No account type uses an organisation name.") }
            var draft = AccountDraft(typeID: typeID)
            draft.name = company
            draft.country = lead.country
            return try explained(field, "The new account") { try accounts.insert(db, journal, draft) }
        }
    }

    /// The personal contact of the opportunity: the one picked, a new one with the lead's name,
    /// job title, e-mail and phones (at the new or chosen account), or none.
    private func contact(_ link: LeadQualification.Link, for lead: Lead, accountID: Int64?, _ db: Database,
                         _ journal: JournalWriter, as user: User) throws -> Int64? {
        let contacts = database.contacts(actingAs: user)
        let field = OpportunityDraft.Field.contactID.rawValue
        switch link {
        case .none:
            return nil
        case .existing(let id):
            do {
                return try contacts.fetch(db, id: id).id
            } catch is RecordNotFoundError {
                throw ValidationError([FieldError(field: field, message: "Choose an existing contact.")])
            }
        case .fromLead:
            guard !(lead.firstName + lead.lastName).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError([FieldError(
                    field: field, message: "The lead has no name to make a contact from; pick an existing one or none.")])
            }
            guard let typeID = try Int64.fetchOne(db, sql: "SELECT id FROM contact_types ORDER BY position, id LIMIT 1") else {
                throw RuleViolationError("No contact type is set up.")
            }
            var draft = ContactDraft(typeID: typeID, accountID: accountID)
            draft.firstName = lead.firstName
            draft.lastName = lead.lastName
            draft.jobTitle = lead.jobTitle
            draft.email = lead.email
            draft.phone = lead.phone
            draft.mobile = lead.mobile
            return try explained(field, "The new contact") { try contacts.insert(db, journal, draft) }
        }
    }

    /// Runs `make`, reporting its field errors under `field` of the qualify form.
    private func explained(_ field: String, _ what: String, _ make: () throws -> Int64) throws -> Int64 {
        do {
            return try make()
        } catch let error as ValidationError {
            let detail = error.errors.map(\.message).joined(separator: " ")
            throw ValidationError([FieldError(field: field, message: "\(what): \(detail)")])
        }
    }

    private func matchingAccounts(_ lead: Lead, as user: User) throws -> [Account] {
        let accounts = database.accounts(actingAs: user)
        var filters = [SearchText.plainWordsFilter(lead.company)]
        if let domain = lead.email.split(separator: "@").last.map({ String($0).lowercased() }), lead.email.contains("@"),
           !Self.freeMailDomains.contains(domain) {
            filters.append(SearchText.plainWordsFilter(domain))
        }
        var found: [Account] = []
        for filter in filters where !filter.isEmpty {
            for account in try accounts.page(AccountQuery(filter: filter), .first, limit: 8)
            where !found.contains(where: { $0.id == account.id }) {
                found.append(account)
            }
        }
        return Array(found.prefix(8))
    }

    private func matchingContacts(_ lead: Lead, as user: User) throws -> [PersonalContact] {
        let email = lead.email.trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty else { return [] }
        let candidates = try database.contacts(actingAs: user)
            .page(ContactQuery(filter: SearchText.plainWordsFilter(email)), .first, limit: 20)
        return candidates.filter { $0.fields.email.lowercased() == email }
    }

    /// Mail providers whose domain says nothing about the sender's company.
    private static let freeMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "gmx.de",
        "gmx.net", "web.de", "seznam.cz", "proton.me", "protonmail.com", "aol.com",
    ]
}
