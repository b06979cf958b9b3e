import Foundation

/// One user's whole-percent share of the leads a splitter filter takes (LP-6).
public struct LeadShare: Sendable, Hashable {
    public var userID: Int64
    public var percent: Int

    public init(userID: Int64, percent: Int) {
        self.userID = userID
        self.percent = percent
    }
}

/// A stored splitter filter (LP-6): which leads it takes, how it shares them, its place among
/// the filters (earlier filters take a lead first) and when it last ran.
public struct LeadSplitFilter: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: LeadSplitFilterDraft
    public var position: Int
    public var lastRunAt: Date?
    public var version: Int

    public init(id: Int64, fields: LeadSplitFilterDraft, position: Int, lastRunAt: Date?, version: Int) {
        self.id = id
        self.fields = fields
        self.position = position
        self.lastRunAt = lastRunAt
        self.version = version
    }

    public var name: String { fields.name }
}

/// The editable part of a splitter filter: a name, a lead filter in the filter language and two
/// or more users whose whole percentages add up to 100 (e.g. 33/33/34).
public struct LeadSplitFilterDraft: Sendable, Hashable, Journaled {
    public enum Field: String, Sendable, CaseIterable {
        case name, filter, shares
    }

    public var name: String
    /// Which leads it takes, in the lead filter language (checked by the store when saved).
    public var filter: String
    /// Who gets a share, in form order.
    public var shares: [LeadShare]

    public init(name: String = "", filter: String = "", shares: [LeadShare] = []) {
        self.name = name
        self.filter = filter
        self.shares = shares
    }

    /// The field key of the `index`-th share line (0-based), so an error shows on its line.
    public static func shareField(_ index: Int) -> String {
        "\(Field.shares.rawValue).\(index)"
    }

    /// Checks what needs no database: a name, a non-empty filter, at least two users, each once,
    /// with 1…100 percent, together exactly 100. The store checks the filter text and the users.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let error = FieldRules.checkRequiredLine(name, field: Field.name.rawValue, label: "Name") {
            errors.append(error)
        }
        if filter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.filter.rawValue,
                                     message: "Write which leads to take, e.g. country:DE value>=10k."))
        } else if let error = FieldRules.check(filter, field: Field.filter.rawValue, label: "Filter", limit: 1_000) {
            errors.append(error)
        }
        var seen = Set<Int64>()
        for (index, share) in shares.enumerated() {
            if !seen.insert(share.userID).inserted {
                errors.append(FieldError(field: Self.shareField(index), message: "This user already has a share above."))
            } else if !(1...100).contains(share.percent) {
                errors.append(FieldError(field: Self.shareField(index), message: "A share is a whole percent from 1 to 100."))
            }
        }
        if shares.count < 2 {
            errors.append(FieldError(field: Field.shares.rawValue, message: "Share the leads among at least two users."))
        } else {
            let total = shares.reduce(0) { $0 + $1.percent }
            if total != 100 {
                errors.append(FieldError(field: Field.shares.rawValue,
                                         message: "The shares add up to \(total)%; they must add up to 100%."))
            }
        }
        return errors
    }

    public var journalValues: [(field: String, value: String)] {
        [(Field.name.rawValue, name), (Field.filter.rawValue, filter),
         (Field.shares.rawValue, shares.map { "user \($0.userID) \($0.percent)%" }.joined(separator: ", "))]
    }
}
