import Foundation

/// The user-editable fields of a sales activity (SA-1): what was done (category), when and for
/// how long, with what outcome, by whom, about which record.
public struct SalesActivityDraft: Sendable, Hashable, Journaled {
    /// The keys of the fields, as used by `FieldError.field` and the journal.
    public enum Field: String, Sendable, CaseIterable {
        case categoryID, at, durationMinutes, outcome, description, ownerID, opportunityID, accountID, partnerID
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
        if let error = FieldRules.check(outcome, field: Field.outcome.rawValue, label: "Outcome", limit: FieldRules.lineLimit) {
            errors.append(error)
        }
        if let error = FieldRules.check(description, field: Field.description.rawValue, label: "Description",
                                         limit: FieldRules.noteLimit) {
            errors.append(error)
        }
        return errors
    }

    public var journalValues: [(field: String, value: String)] {
        [(Field.categoryID.rawValue, categoryID.journalText),
         (Field.at.rawValue, String(at.millisecondsSince1970)),
         (Field.durationMinutes.rawValue, String(durationMinutes)),
         (Field.outcome.rawValue, outcome), (Field.description.rawValue, description),
         (Field.ownerID.rawValue, String(ownerID)),
         (Field.opportunityID.rawValue, target.opportunityID.journalText),
         (Field.accountID.rawValue, target.accountID.journalText),
         (Field.partnerID.rawValue, target.partnerID.journalText)]
    }
}
