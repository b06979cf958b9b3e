import Foundation

/// Which of two duplicate leads gives each field its value when they are merged (LP-7).
///
/// The merge keeps one lead and removes the other; per field the user takes the value of either.
/// By default a field keeps the kept lead's value, or takes the other's when the kept one is
/// empty, so nothing typed into either lead is lost unless the user chooses so. Pure, so the
/// merge screen shows exactly what the store will save.
public struct LeadMergeChoices: Sendable, Hashable {
    /// The side a field's value comes from.
    public enum Side: Sendable, Hashable {
        case kept, removed
    }

    /// One row of the merge: a field, or fields that only make sense together (a user or a
    /// partner is the assignee, never both).
    public enum Row: String, Sendable, Hashable, CaseIterable {
        case firstName, lastName, company, jobTitle, email, phone, mobile, website, country, value, score, source,
             campaign, status, priority, tags, assignee, project, utmSource, utmMedium, utmCampaign, utmContent,
             description

        /// The draft fields the row carries together.
        public var fields: [LeadDraft.Field] {
            switch self {
            case .campaign: [.campaignID]
            case .status: [.statusID]
            case .assignee: [.assigneeID, .partnerID]
            case .project: [.projectID]
            default: [LeadDraft.Field(rawValue: rawValue)!]
            }
        }

        /// What the merge screen calls the row: the label its first field declares (the assignee
        /// row says "Assignee" for a partner too).
        public var label: String { fields[0].spec.label }

        /// The identity key a row feeds, so the screen can mark the rows the leads matched on.
        public var identityKey: DuplicateMatch.Key? {
            switch self {
            case .email: .email
            case .phone, .mobile: .phone
            case .firstName, .lastName, .company: .nameCompany
            default: nil
            }
        }
    }

    public let kept: LeadDraft
    public let removed: LeadDraft
    private var sides: [Row: Side]

    /// The default choices for merging `removed` into `kept`.
    public init(kept: LeadDraft, removed: LeadDraft) {
        self.kept = kept
        self.removed = removed
        sides = [:]
        for row in Row.allCases where Self.isEmpty(row, in: kept) && !Self.isEmpty(row, in: removed) {
            sides[row] = .removed
        }
    }

    /// Where the row's value comes from.
    public func side(of row: Row) -> Side { sides[row] ?? .kept }

    public mutating func choose(_ side: Side, for row: Row) {
        sides[row] = side
    }

    /// The same choices over fresh copies of the two leads: a side chosen for a row that still
    /// differs stays, other rows get their defaults. The store merges what it reads, never what
    /// a screen read earlier, and a screen re-reading keeps what the user chose.
    public func rebased(kept: LeadDraft, removed: LeadDraft) -> LeadMergeChoices {
        var fresh = LeadMergeChoices(kept: kept, removed: removed)
        for (row, side) in sides where fresh.differs(row) && differs(row) { fresh.sides[row] = side }
        return fresh
    }

    /// Whether the two leads hold different values in the row; rows that agree need no choice.
    public func differs(_ row: Row) -> Bool {
        row.fields.contains { kept.text(of: $0) != removed.text(of: $0) }
    }

    /// The rows whose values differ, in form order.
    public var differingRows: [Row] { Row.allCases.filter(differs) }

    /// The kept lead's fields with each row's value taken from its chosen side. Custom
    /// attributes are united; where both leads have one of the same name the kept lead's stays.
    public var merged: LeadDraft {
        var draft = kept
        for row in Row.allCases where side(of: row) == .removed {
            for field in row.fields { draft.copy(field, from: removed) }
        }
        draft.customAttributes = removed.customAttributes.merging(kept.customAttributes) { _, keptValue in keptValue }
        return draft
    }

    private static func isEmpty(_ row: Row, in draft: LeadDraft) -> Bool {
        row.fields.allSatisfy { draft.text(of: $0).isEmpty }
    }
}

extension LeadDraft {
    /// Sets one field to `other`'s value.
    mutating func copy(_ field: Field, from other: LeadDraft) {
        switch field {
        case .firstName: firstName = other.firstName
        case .lastName: lastName = other.lastName
        case .company: company = other.company
        case .jobTitle: jobTitle = other.jobTitle
        case .email: email = other.email
        case .phone: phone = other.phone
        case .mobile: mobile = other.mobile
        case .website: website = other.website
        case .country: country = other.country
        case .value: value = other.value
        case .score: score = other.score
        case .source: source = other.source
        case .campaignID: campaignID = other.campaignID
        case .statusID: statusID = other.statusID
        case .priority: priority = other.priority
        case .tags: tags = other.tags
        case .assigneeID: assigneeID = other.assigneeID
        case .partnerID: partnerID = other.partnerID
        case .projectID: projectID = other.projectID
        case .utmSource: utmSource = other.utmSource
        case .utmMedium: utmMedium = other.utmMedium
        case .utmCampaign: utmCampaign = other.utmCampaign
        case .utmContent: utmContent = other.utmContent
        case .description: description = other.description
        }
    }
}
