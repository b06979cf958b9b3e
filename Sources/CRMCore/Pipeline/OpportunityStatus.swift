/// One step of the pipeline (OP-2, ST-5): a Kanban column and a colour tag in lists.
///
/// `requiredFields` are the workflow field permissions: an opportunity may enter this status
/// only when those fields are filled in (OP-3).
public struct OpportunityStatus: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: OpportunityStatusDraft
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(id: Int64, fields: OpportunityStatusDraft, version: Int) {
        self.id = id
        self.fields = fields
        self.version = version
    }

    public var name: String { fields.name }
    public var position: Int { fields.position }
    public var probability: Int { fields.probability }
    public var kind: StatusKind { fields.kind }
    public var colour: StatusColour { fields.colour }
    public var requiredFields: [OpportunityDraft.Field] { fields.requiredFields }
}

/// The editable settings of a status.
public struct OpportunityStatusDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for the form, its checks and the history.
    public enum Field: String, DeclaredField {
        case name, position, probability, kind, colour, requiredFields

        public var spec: FieldSpec {
            switch self {
            case .name: FieldSpec("Name", .line)
            case .position: FieldSpec("Order on the board", .whole, history: "Order")
            case .probability: FieldSpec("Probability %", .whole, history: "Probability")
            case .kind: FieldSpec("Kind", .choice)
            case .colour: FieldSpec("Colour", .choice)
            case .requiredFields: FieldSpec("Required to enter", .choice)
            }
        }
    }

    /// The longest name a status may have: it heads a board column.
    public static let nameLimit = 60

    public var name: String
    /// The column order on the board; lower comes first.
    public var position: Int
    /// The default win probability in percent (0–100) of opportunities in this status.
    public var probability: Int
    public var kind: StatusKind
    public var colour: StatusColour
    /// The fields an opportunity must have filled in to enter this status, in form order.
    public var requiredFields: [OpportunityDraft.Field]

    public init(
        name: String, position: Int, probability: Int, kind: StatusKind = .open, colour: StatusColour = .blue,
        requiredFields: [OpportunityDraft.Field] = []
    ) {
        self.name = name
        self.position = position
        self.probability = probability
        self.kind = kind
        self.colour = colour
        self.requiredFields = requiredFields
    }

    /// Checks the draft on its own; `StatusSetRule` checks the set of all statuses.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "A status needs a name."))
        } else if let error = FieldRules.check(name, field: Field.name.rawValue, label: Field.name.spec.label,
                                               limit: Self.nameLimit) {
            errors.append(error)
        }
        if !(0...100).contains(probability) {
            errors.append(FieldError(field: Field.probability.rawValue, message: "Probability is a percentage from 0 to 100."))
        }
        let requirable = Set(OpportunityDraft.Field.requirable)
        if let bad = requiredFields.first(where: { !requirable.contains($0) }) {
            errors.append(FieldError(field: Field.requiredFields.rawValue, message: "\(bad.spec.label) cannot be made required."))
        }
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .position: String(position)
        case .probability: String(probability)
        case .kind: kind.rawValue
        case .colour: colour.rawValue
        case .requiredFields: requiredFields.map(\.rawValue).joined(separator: ",")
        }
    }
}

/// The rule over the whole set of statuses: a pipeline needs somewhere to start and somewhere
/// to finish, so at least one open and one won status must remain.
public enum StatusSetRule {
    /// The message explaining why `statuses` is not a usable pipeline, or `nil` when it is.
    public static func problem(with statuses: [OpportunityStatusDraft]) -> String? {
        let kinds = Set(statuses.map(\.kind))
        if !kinds.contains(.won) {
            return "The pipeline needs at least one won status (kind \"won\"); without it no deal can be closed."
        }
        if !kinds.contains(.open) {
            return "The pipeline needs at least one open status (kind \"open\") for opportunities in progress."
        }
        return nil
    }
}
