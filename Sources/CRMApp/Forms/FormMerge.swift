/// A three-way merge of a form with the record someone else saved meanwhile (ST-7), field by
/// field against the values the form was opened with: a field only they changed takes their
/// value, a field only this user changed keeps the user's, and a field both changed to different
/// values is marked for the user to choose. A second save then never writes back a value the
/// user did not touch.
struct FormMerge {
    /// Labels of the fields that took the other user's value.
    private(set) var taken: [String] = []
    /// Labels of the fields both changed, each waiting for the user's choice.
    private(set) var disputed: [String] = []

    /// Merges `fresh` (the stored record as form fields) into `fields`, and moves every field's
    /// starting point to the stored value, so a later conflict is measured from there.
    mutating func merge(_ fields: inout [FormField], with fresh: [FormField]) {
        for index in fields.indices {
            guard let theirs = fresh.first(where: { $0.key == fields[index].key }) else { continue }
            let base = fields[index].original, mine = fields[index].value
            if theirs.value != base, theirs.value != mine {
                if mine == base {
                    fields[index].adopt(theirs)
                    taken.append(fields[index].label)
                } else {
                    fields[index].conflict = FieldConflict(theirs: theirs)
                    disputed.append(fields[index].label)
                }
            }
            fields[index].rebase(on: theirs)
        }
    }

    /// What the form says after the merge.
    func message(noun: String) -> String {
        var parts = ["Someone else saved this \(noun) meanwhile."]
        if !taken.isEmpty { parts.append("Their \(Self.list(taken)) \(taken.count == 1 ? "was" : "were") taken in.") }
        if disputed.isEmpty {
            parts.append("Your changes are kept.")
        } else {
            parts.append("You both changed \(Self.list(disputed)): press Enter on \(disputed.count == 1 ? "it" : "each")"
                + " to keep yours or take theirs, then save.")
        }
        return parts.joined(separator: " ")
    }

    /// The short version for the status line.
    var statusText: String {
        "Someone else saved meanwhile: choose " + Self.list(disputed) + " (Enter on the field), then save"
    }

    private static func list(_ labels: [String]) -> String {
        guard labels.count > 1 else { return labels.first ?? "" }
        return labels.dropLast().joined(separator: ", ") + " and " + labels.last!
    }
}

/// A field both users changed: the other user's version, until this user chooses. A class, as
/// a field cannot hold a copy of itself.
public final class FieldConflict {
    /// The field as the other user saved it.
    public let theirs: FormField

    init(theirs: FormField) {
        self.theirs = theirs
    }
}
