import Foundation

/// The period a lead statistics or conversions page (LD-3) counts leads received in.
///
/// Periods are whole UTC days (the granularity of the stored lead counts): "this week" starts
/// on Monday, "this month" on the 1st, "all time" has no start.
public enum LeadPeriod: String, Sendable, Hashable, CaseIterable {
    case today, thisWeek, thisMonth, allTime

    public var title: String {
        switch self {
        case .today: "Today"
        case .thisWeek: "This week"
        case .thisMonth: "This month"
        case .allTime: "All time"
        }
    }

    /// The UTC day numbers (days since 1970-01-01) the period covers, seen at `now`; `nil` for
    /// all time.
    public func days(at now: Date) -> ClosedRange<Int>? {
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        switch self {
        case .today: return today...today
        // 1970-01-01 was a Thursday: day number + 3 modulo 7 counts from Monday.
        case .thisWeek: return (today - (today + 3) % 7)...today
        case .thisMonth: return (today - (CalendarDate.day(of: now, in: .gmt).day - 1))...today
        case .allTime: return nil
        }
    }
}

/// What a breakdown of leads groups them by.
public enum LeadDimension: String, Sendable, Hashable, CaseIterable {
    case source, campaign, owner

    public var title: String {
        switch self {
        case .source: "Source"
        case .campaign: "Campaign"
        case .owner: "Owner"
        }
    }
}

/// Counts of leads by the kind of their status, and how many nobody has touched yet.
public struct LeadTally: Sendable, Hashable {
    public var new = 0
    public var working = 0
    public var qualified = 0
    public var disqualified = 0
    /// Leads without any sales activity, whatever their status.
    public var untouched = 0

    public init(new: Int = 0, working: Int = 0, qualified: Int = 0, disqualified: Int = 0, untouched: Int = 0) {
        self.new = new
        self.working = working
        self.qualified = qualified
        self.disqualified = disqualified
        self.untouched = untouched
    }

    public var total: Int { new + working + qualified + disqualified }
    /// Leads that reached a final decision.
    public var decided: Int { qualified + disqualified }

    /// Adds `count` leads of status kind `kind`.
    public mutating func add(_ count: Int, kind: LeadStatusKind, touched: Bool) {
        switch kind {
        case .new: new += count
        case .working: working += count
        case .qualified: qualified += count
        case .disqualified: disqualified += count
        }
        if !touched { untouched += count }
    }

    /// Qualified ÷ decided (qualified + disqualified) in tenths of a percent; `nil` when none
    /// is decided yet. The rate sales is judged on: open leads have not had their chance.
    public var qualifiedOfDecidedPermille: Int? { Self.permille(qualified, of: decided) }
    /// Qualified ÷ all leads received, in tenths of a percent; `nil` without leads.
    public var qualifiedOfAllPermille: Int? { Self.permille(qualified, of: total) }

    /// `part / whole` in tenths of a percent, rounded half up, in integers (exact).
    static func permille(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : (part * 2_000 + whole) / (2 * whole)
    }
}

/// One line of a breakdown: a source, campaign or owner with its counts.
public struct LeadBreakdownRow: Sendable, Hashable {
    /// The stored key: the source text, the campaign id or "u<user id>" / "p<partner id>"; ""
    /// for no campaign or no owner (the free pool).
    public var key: String
    /// What to show for the key.
    public var name: String
    public var tally: LeadTally

    public init(key: String, name: String, tally: LeadTally) {
        self.key = key
        self.name = name
        self.tally = tally
    }
}

/// Today's leads per hour (LD-3 intraday) and what a usual day brought by the same hour.
public struct IntradayCounts: Sendable, Hashable {
    /// The viewer's midnight that hour 0 starts at.
    public var dayStart: Date
    /// When the counts were read; hours after it are still to come.
    public var now: Date
    /// Leads received in each hour of the day so far (24 entries; later hours are 0).
    public var hours: [Int]
    /// The average per hour over the days before, in hundredths of a lead (exact integers).
    public var baselineHundredths: [Int]
    /// How many days the baseline averages.
    public var baselineDays: Int

    public init(dayStart: Date, now: Date, hours: [Int], baselineHundredths: [Int], baselineDays: Int) {
        self.dayStart = dayStart
        self.now = now
        self.hours = hours
        self.baselineHundredths = baselineHundredths
        self.baselineDays = baselineDays
    }

    public var total: Int { hours.reduce(0, +) }

    /// The hour of the day `now` falls in (0–23).
    public var currentHour: Int { min(23, max(0, Int(now.timeIntervalSince(dayStart) / 3_600))) }

    /// The baseline's leads up to the end of the current hour, in hundredths: what a usual day
    /// had brought by now.
    public var baselineSoFarHundredths: Int { baselineHundredths.prefix(currentHour + 1).reduce(0, +) }
}
