/// The closing rule (OP-2 status kinds): a deal that enters a won or lost status records the day
/// it closed, a lost one also why it was lost; going back to an open status reopens it and
/// clears both. One rule for the board, the forms and the store.
extension OpportunityDraft.Field {
    /// Whether the field records how a deal closed, shown only in won or lost statuses.
    public var isClosing: Bool { self == .closedOn || self == .lostReasonID }
}

extension OpportunityDraft {
    /// The fields closing a deal fills in a status of `kind`, in form order.
    public static func closingFields(of kind: StatusKind) -> [Field] {
        switch kind {
        case .open: []
        case .won: [.closedOn]
        case .lost: [.closedOn, .lostReasonID]
        }
    }

    /// Whether a draft changed from `previous` (`nil` for a new opportunity) enters its status,
    /// rather than staying in it.
    public func enters(after previous: OpportunityDraft?) -> Bool {
        previous?.statusID != statusID
    }

    /// The draft as it is saved in a status of `kind`: entering a won or lost status closes the
    /// deal `today` unless it names another day; a status without a closing field clears it
    /// (an open status both, a won one the lost reason).
    public func closed(in kind: StatusKind, after previous: OpportunityDraft?, today: CalendarDate) -> OpportunityDraft {
        var draft = self
        let kept = Self.closingFields(of: kind)
        if !kept.contains(.closedOn) { draft.closedOn = nil }
        if !kept.contains(.lostReasonID) { draft.lostReasonID = nil }
        if kind != .open, enters(after: previous), draft.closedOn == nil { draft.closedOn = today }
        return draft
    }

    /// What the closing rule refuses in a status of `kind`: a closing field left empty when the
    /// deal enters the status, or emptied once it was filled. Deals closed before these fields
    /// existed keep saving without them until they move.
    public func closingProblems(in kind: StatusKind, after previous: OpportunityDraft?) -> [FieldError] {
        Self.closingFields(of: kind).filter { field in
            !isFilled(field) && (enters(after: previous) || previous?.isFilled(field) == true)
        }.map { field in
            FieldError(field: field.rawValue, message: field == .lostReasonID
                ? "A lost deal needs a lost reason: choose why it was lost."
                : "A closed deal needs the day it closed (Closed on).")
        }
    }
}
