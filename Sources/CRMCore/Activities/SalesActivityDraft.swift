import Foundation

/// The user-editable fields of a sales activity (SA-1): what was done (category), when and for
/// how long, with what outcome, by whom, about which record.
public struct SalesActivityDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for the form, its checks and the history. The record the
    /// activity is about is journaled as one of the last three.
    public enum Field: String, DeclaredField {
        case categoryID, at, durationMinutes, outcome, description, ownerID, opportunityID, accountID, partnerID

        public var spec: FieldSpec {
            switch self {
            case .categoryID: FieldSpec("Category", .reference(.activityCategory))
            case .at: FieldSpec("When", .moment)
            case .durationMinutes: FieldSpec("Duration (minutes)", .whole, history: "Duration")
            case .outcome: FieldSpec("Outcome", .line)
            case .description: FieldSpec("Description", .note)
            case .ownerID: FieldSpec("Owner", .reference(.user))
            case .opportunityID: FieldSpec("Opportunity", .reference(.opportunity))
            case .accountID: FieldSpec("Account", .reference(.account))
            case .partnerID: FieldSpec("Partner", .reference(.partner))
            }
        }
    }

    /// The longest activity: a whole day, in minutes.
    public static let maximumDuration = 1_440

    public var target: ActivityTarget
    /// Required; optional here so a form can hold "not chosen yet".
    public var categoryID: Int64?
    /// When it happened (or will), to the minute; stored in UTC.
    public var at: Date
    public var durationMinutes: Int
    public var outcome = ""
    public var description = ""
    /// Who did it (or will); the form defaults to the current user.
    public var ownerID: Int64

    public init(target: ActivityTarget, categoryID: Int64?, at: Date, ownerID: Int64, durationMinutes: Int = 0) {
        self.target = target
        self.categoryID = categoryID
        self.at = at
        self.ownerID = ownerID
        self.durationMinutes = durationMinutes
    }

    /// Checks the draft on its own; the store checks that the references exist and are visible.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if categoryID == nil {
            errors.append(FieldError(field: Field.categoryID.rawValue, message: "Choose a category."))
        }
        if !(0...Self.maximumDuration).contains(durationMinutes) {
            errors.append(FieldError(
                field: Field.durationMinutes.rawValue,
                message: "Duration is in minutes, from 0 to \(Self.maximumDuration) (a whole day)."))
        }
        errors += textProblems()
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .categoryID: categoryID.journalText
        case .at: String(at.millisecondsSince1970)
        case .durationMinutes: String(durationMinutes)
        case .outcome: outcome
        case .description: description
        case .ownerID: String(ownerID)
        case .opportunityID: target.opportunityID.journalText
        case .accountID: target.accountID.journalText
        case .partnerID: target.partnerID.journalText
        }
    }
}
