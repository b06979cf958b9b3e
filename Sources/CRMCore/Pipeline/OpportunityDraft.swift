import Foundation

/// The user-editable fields of an opportunity (OP-1).
///
/// `amount` is exact `Money` in its own currency; totals in the base currency are made with
/// exchange rates (`ExchangeRateTable`), never stored. Campaigns, quotes and custom fields come
/// with their own issues and extend this draft.
public struct OpportunityDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for forms, checks, history and filters; their keys are also
    /// those of required fields.
    public enum Field: String, DeclaredField {
        case name, accountID, contactID, projectID, statusID, probability, amount, expectedClose, ownerID, partnerID,
             description, closedOn, lostReasonID

        public var spec: FieldSpec {
            switch self {
            case .name: FieldSpec("Name", .line, filter: FilterName("name"))
            case .accountID: FieldSpec("Account", .reference(.account), filter: FilterName("account", aliases: ["company"]))
            case .contactID: FieldSpec("Contact", .reference(.contact))
            case .projectID: FieldSpec("Project", .reference(.project), filter: FilterName("project"))
            case .statusID: FieldSpec("Status", .reference(.opportunityStatus), filter: FilterName("status", aliases: ["stage"]))
            case .probability:
                FieldSpec("Probability %", .whole, history: "Probability", filter: FilterName("probability", aliases: ["prob"]))
            case .amount: FieldSpec("Amount", .money, filter: FilterName("amount", aliases: ["value"]))
            case .expectedClose:
                FieldSpec("Expected close", .date, filter: FilterName("close", aliases: ["expected-close", "closes"]))
            case .ownerID: FieldSpec("Owner", .reference(.user), filter: FilterName("owner"))
            case .partnerID: FieldSpec("Partner", .reference(.partner), filter: FilterName("partner"))
            case .description: FieldSpec("Description", .note)
            case .closedOn: FieldSpec("Closed on", .date, filter: FilterName("closed", aliases: ["closed-on"]))
            case .lostReasonID:
                FieldSpec("Lost reason", .reference(.lostReason), filter: FilterName("lost-reason", aliases: ["reason"]))
            }
        }

        /// The fields a status may require (name and status are always there).
        public static let requirable: [Field] = [
            .accountID, .contactID, .projectID, .amount, .expectedClose, .ownerID, .partnerID, .description,
        ]
    }

    /// Changes of an opportunity the journal records besides its fields: the accounts related
    /// to it and the business roles of people on it, each value a name as it read then.
    public enum Event: String, DeclaredField {
        case relatedAccounts
        /// "First Last: role" when a role is added, and that line as the old value when removed.
        case businessRoles

        public var spec: FieldSpec {
            switch self {
            case .relatedAccounts: FieldSpec("Related accounts", .line)
            case .businessRoles: FieldSpec("Business roles", .line)
            }
        }
    }

    public var name: String
    public var accountID: Int64?
    /// The person on the customer's side.
    public var contactID: Int64?
    public var projectID: Int64?
    public var statusID: Int64
    /// The win probability in percent; `nil` takes the status's default.
    public var probability: Int?
    public var amount: Money?
    public var expectedClose: CalendarDate?
    public var ownerID: Int64?
    /// The partner the opportunity is assigned to (PA-1).
    public var partnerID: Int64?
    public var description = ""
    /// The day a won or lost deal actually closed; set when it enters such a status, cleared
    /// when it goes back to an open one (`closed(in:after:today:)`).
    public var closedOn: CalendarDate?
    /// Why a lost deal was lost, from the configurable list (`LostReason`).
    public var lostReasonID: Int64?

    public init(name: String, statusID: Int64) {
        self.name = name
        self.statusID = statusID
    }

    /// Checks the draft; empty means it can be saved in any status without required fields.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "An opportunity needs a name."))
        }
        errors += textProblems()
        if let probability, !(0...100).contains(probability) {
            errors.append(FieldError(field: Field.probability.rawValue, message: "Probability is a percentage from 0 to 100."))
        }
        if let amount {
            if amount.amount < 0 {
                errors.append(FieldError(field: Field.amount.rawValue, message: "The amount cannot be negative."))
            } else if let problem = amount.storageProblem {
                errors.append(FieldError(field: Field.amount.rawValue, message: problem))
            }
        }
        return errors
    }

    /// The fields of `status.requiredFields` this draft leaves empty, in form order: what the
    /// board asks for before a card may enter that status.
    public func missingFields(for status: OpportunityStatus) -> [Field] {
        status.requiredFields.filter { !isFilled($0) }
    }

    /// Whether a field has a value; an amount of zero counts as empty.
    public func isFilled(_ field: Field) -> Bool {
        switch field {
        case .name: !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .accountID: accountID != nil
        case .contactID: contactID != nil
        case .projectID: projectID != nil
        case .statusID: true
        case .probability: probability != nil
        case .amount: amount.map { $0.amount != 0 } ?? false
        case .expectedClose: expectedClose != nil
        case .ownerID: ownerID != nil
        case .partnerID: partnerID != nil
        case .description: !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .closedOn: closedOn != nil
        case .lostReasonID: lostReasonID != nil
        }
    }

    /// The text of one field, as the journal records it and the merge compares it.
    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .accountID: accountID.journalText
        case .contactID: contactID.journalText
        case .projectID: projectID.journalText
        case .statusID: String(statusID)
        case .probability: probability.map(String.init) ?? ""
        case .amount: amount?.description ?? ""
        case .expectedClose: expectedClose?.description ?? ""
        case .ownerID: ownerID.journalText
        case .partnerID: partnerID.journalText
        case .description: description
        case .closedOn: closedOn?.description ?? ""
        case .lostReasonID: lostReasonID.journalText
        }
    }
}
