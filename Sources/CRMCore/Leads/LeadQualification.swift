import Foundation

/// What the user decided when qualifying a lead (LD-5): the opportunity it becomes and, when
/// the lead has no account or contact yet, which existing one to use or whether to make one from
/// the lead's own data. The store carries it out in one transaction.
public struct LeadQualification: Sendable, Hashable {
    /// Where the account or the personal contact of the new opportunity comes from.
    public enum Link: Sendable, Hashable {
        /// A record the user picked (for instance one whose name matches the lead's company).
        case existing(Int64)
        /// A new record made from the lead's company, or its name, e-mail and phone.
        case fromLead
        /// Neither: the opportunity goes without.
        case none
    }

    /// The opportunity to create; its account and contact are set from `account` and `contact`.
    public var opportunity: OpportunityDraft
    public var account: Link
    public var contact: Link

    public init(opportunity: OpportunityDraft, account: Link, contact: Link) {
        self.opportunity = opportunity
        self.account = account
        self.contact = contact
    }
}

extension Lead {
    /// The opportunity this lead would become in status `statusID`, before the user adds what
    /// the status requires: named after the company (else the person), with the lead's value,
    /// owner (its assignee, else `fallbackOwnerID`), partner, project and description. Campaign
    /// and source stay on the lead, which the opportunity links back to.
    public func opportunityProposal(statusID: Int64, fallbackOwnerID: Int64) -> OpportunityDraft {
        let company = fields.company.trimmingCharacters(in: .whitespacesAndNewlines)
        var draft = OpportunityDraft(name: company.isEmpty ? displayName : company, statusID: statusID)
        draft.accountID = history.accountID
        draft.contactID = history.contactID
        draft.amount = fields.value
        draft.ownerID = fields.assigneeID ?? fallbackOwnerID
        draft.partnerID = fields.partnerID
        draft.projectID = fields.projectID
        draft.description = fields.description
        return draft
    }

    /// Whether the lead already became an opportunity or sits in a qualified status.
    public var isQualified: Bool { history.opportunityID != nil || statusKind == .qualified }

    /// Whether its personal data was erased (LD-9); such a lead can no longer be edited.
    public var isAnonymized: Bool { history.anonymizedAt != nil }

    /// Whether it waits in the free pool: open, unassigned and not with a partner.
    public var isInFreePool: Bool {
        statusKind.isOpen && !isArchived && fields.assigneeID == nil && fields.partnerID == nil
    }
}
