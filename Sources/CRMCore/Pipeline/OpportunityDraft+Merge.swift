/// Field-by-field comparison and copying of drafts, for saving one user's change on top of what
/// another user saved meanwhile (ST-7): fields only they changed keep their value, fields only
/// this user changed take this user's, and only fields both changed are a conflict.
extension OpportunityDraft {
    /// The fields whose value differs from `other`'s, in field order.
    public func changedFields(from other: OpportunityDraft) -> [Field] {
        Field.allCases.filter { text(of: $0) != other.text(of: $0) }
    }

    /// Sets `field` to its value in `other`.
    public mutating func take(_ field: Field, from other: OpportunityDraft) {
        switch field {
        case .name: name = other.name
        case .accountID: accountID = other.accountID
        case .contactID: contactID = other.contactID
        case .projectID: projectID = other.projectID
        case .statusID: statusID = other.statusID
        case .probability: probability = other.probability
        case .amount: amount = other.amount
        case .expectedClose: expectedClose = other.expectedClose
        case .ownerID: ownerID = other.ownerID
        case .partnerID: partnerID = other.partnerID
        case .description: description = other.description
        case .closedOn: closedOn = other.closedOn
        case .lostReasonID: lostReasonID = other.lostReasonID
        }
    }

    /// `mine` (this user's edit of `base`) applied to `theirs` (what is stored now, also based
    /// on `base`), and the fields both changed, which `merged` leaves as they saved them.
    public static func merge(base: OpportunityDraft, mine: OpportunityDraft, theirs: OpportunityDraft)
        -> (merged: OpportunityDraft, conflicts: [Field]) {
        let theirChanges = Set(theirs.changedFields(from: base))
        var merged = theirs
        var conflicts: [Field] = []
        for field in mine.changedFields(from: base) {
            if theirChanges.contains(field), mine.text(of: field) != theirs.text(of: field) {
                conflicts.append(field)
            } else {
                merged.take(field, from: mine)
            }
        }
        return (merged, conflicts)
    }
}
