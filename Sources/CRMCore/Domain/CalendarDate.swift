import Foundation

/// A calendar day without a time zone (expected close dates, validity dates, birthdays).
///
/// Parsed and printed as ISO `YYYY-MM-DD` with a fixed Gregorian calendar, so results never
/// depend on the machine's locale.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in the given time zone (the user's, by default).
    public static func today(in zone: TimeZone = .current) -> CalendarDate {
        day(of: Date(), in: zone)
    }

    /// The day `instant` falls on in `zone`.
    public static func day(of instant: Date, in zone: TimeZone = .current) -> CalendarDate {
        var calendar = Self.calendar
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// This day moved by a number of days (negative goes back).
    public func adding(days: Int) -> CalendarDate {
        let date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let moved = Self.calendar.date(byAdding: .day, value: days, to: date)!
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: moved)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!) ?? self
    }

    /// The same day in another month, clamped to that month's length (Jan 31 + 1 → Feb 28).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, Self.daysIn(year: y, month: m))) ?? self
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekdayFromMonday: Int {
        let date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return (Self.calendar.component(.weekday, from: date) + 5) % 7
    }

    /// `YYYY-MM-DD`, built by hand: `String(format:)` is slow on Linux, and opportunity rows
    /// write their close date twice (value and sort key).
    public var description: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
