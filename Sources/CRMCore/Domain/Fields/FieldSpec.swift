/// What a field holds. It decides the form input, the checks the field's text gets and how
/// the history shows its values.
public enum FieldValueKind: Sendable, Hashable {
    /// One line of text, at most `FieldRules.lineLimit` characters.
    case line
    /// An e-mail address: one line whose shape is checked.
    case email
    /// Free text over several lines, at most `FieldRules.noteLimit` characters.
    case note
    /// A whole number.
    case whole
    /// An exact amount with its currency.
    case money
    /// A calendar day.
    case date
    /// A point in time to the minute, journaled as milliseconds since 1970.
    case moment
    /// Yes or no.
    case flag
    /// The id of another record; the history shows that record's name.
    case reference(RecordReference)
    /// One of a fixed list of values (a task status, a priority).
    case choice
    /// Several short texts (a lead's tags); the record checks them one by one.
    case list
}

/// The kinds of record a field can point at by id, so the history can show a name instead.
public enum RecordReference: Sendable, Hashable {
    case user, accountType, contactType, leadStatus, opportunityStatus, lostReason
    case account, contact, opportunity, lead, partner, project, campaign, splitFilter
    case activityCategory
}

/// A field's name in the filter language (FL-1) and the other names it answers to.
public struct FilterName: Sendable, Hashable {
    /// Lower-case, e.g. `customer-since`.
    public let name: String
    public let aliases: [String]

    public init(_ name: String, aliases: [String] = []) {
        self.name = name.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
    }
}

/// Everything the product says about one field of a record, said once: the forms, the
/// checks, the history, the merge screen and the filter language all read it from here.
public struct FieldSpec: Sendable, Hashable {
    /// What forms and messages call the field ("Organisation name").
    public let label: String
    public let kind: FieldValueKind
    /// What the history calls a change of the field, where it says it shorter than the form.
    public let historyLabel: String
    /// The field's name in filters, when lists can be filtered on it.
    public let filter: FilterName?

    public init(_ label: String, _ kind: FieldValueKind, history: String? = nil, filter: FilterName? = nil) {
        self.label = label
        self.kind = kind
        historyLabel = history ?? label
        self.filter = filter
    }

    /// The record kind the field's values point at, if it holds ids.
    public var reference: RecordReference? {
        if case .reference(let target) = kind { return target }
        return nil
    }
}
