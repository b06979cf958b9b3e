import Foundation

/// A wall-clock time to the minute ("14:30"), as people type it beside a date; together with a
/// `CalendarDate` and a time zone it names one moment (activities, SA-1).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Accepts "H:MM" and "HH:MM" (24-hour clock).
    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String { String(format: "%02d:%02d", hour, minute) }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }

    /// The moment at this time on `day` in `zone`.
    public func moment(on day: CalendarDate, in zone: TimeZone) -> Date {
        var calendar = CalendarDate.calendar
        calendar.timeZone = zone
        let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The day and the time (to the minute) of `moment` in `zone`.
    public static func split(_ moment: Date, in zone: TimeZone) -> (CalendarDate, TimeOfDay) {
        var calendar = CalendarDate.calendar
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        return (CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!,
                TimeOfDay(hour: parts.hour!, minute: parts.minute!)!)
    }
}
