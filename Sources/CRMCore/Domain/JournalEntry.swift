import Foundation

/// The kinds of records the journal and the "go to" search speak about.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    case account
    case contact
    case contactType = "contact-type"
    case accountType = "account-type"
    case user
    case opportunity
    case opportunityStatus = "opportunity-status"
    case lostReason = "lost-reason"
    case partner
    case project
    case task
    case salesActivity = "sales-activity"
    case activityCategory = "activity-category"
    case exchangeRate = "exchange-rate"
    case savedFilter = "saved-filter"
    case setting
    case lead
    case leadRule = "lead-rule"
    case leadSplitFilter = "lead-split-filter"
    case apiKey = "api-key"
    case campaign

    /// A lower-case noun for messages ("account", "contact type").
    public var noun: String {
        switch self {
        case .account: "account"
        case .contact: "contact"
        case .contactType: "contact type"
        case .accountType: "account type"
        case .user: "user"
        case .opportunity: "opportunity"
        case .opportunityStatus: "opportunity status"
        case .lostReason: "lost reason"
        case .partner: "partner"
        case .project: "project"
        case .task: "task"
        case .salesActivity: "sales activity"
        case .activityCategory: "activity category"
        case .exchangeRate: "exchange rate"
        case .savedFilter: "saved filter"
        case .setting: "setting"
        case .lead: "lead"
        case .leadRule: "lead rule"
        case .leadSplitFilter: "splitter filter"
        case .apiKey: "API key"
        case .campaign: "campaign"
        }
    }
}

/// What happened to a record in one journal row.
public enum JournalAction: String, Sendable, Hashable, CaseIterable {
    case create, update, delete, anonymize
}

/// One line of a record's history (ST-6): who did what when, and for updates which field changed
/// from what to what.
///
/// Values are text so the journal can hold any field of any entity. After anonymisation (PC-3)
/// the values of the contact's rows are gone (`nil`), while who, when and which field stay.
public struct JournalEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var at: Date
    /// Who made the change; `nil` for changes made from the command line without a CRM user,
    /// such as creating the first user.
    public var userID: Int64?
    /// The login of `userID`, joined in for display.
    public var userLogin: String?
    public var entity: EntityKind
    public var entityID: Int64
    public var action: JournalAction
    /// The field key for per-field rows; `nil` for a row about the whole record.
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    /// For a row moved here when another record was merged into this one (LP-7): the id of the
    /// record it was written for; `nil` for the record's own rows.
    public var mergedFromID: Int64?

    public init(
        id: Int64, at: Date, userID: Int64?, userLogin: String?, entity: EntityKind, entityID: Int64,
        action: JournalAction, field: String? = nil, oldValue: String? = nil, newValue: String? = nil,
        mergedFromID: Int64? = nil
    ) {
        self.id = id
        self.at = at
        self.userID = userID
        self.userLogin = userLogin
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.mergedFromID = mergedFromID
    }
}
