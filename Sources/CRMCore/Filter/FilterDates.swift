import Foundation

/// Turns a date value of a filter into the days it covers.
///
/// Every date value is a run of whole days: `2027-01-31` is one day, `2027-01` a month,
/// `this-quarter` three months, `+30d` the single day thirty days after today. Operators then
/// compare against the run: `:` is within it, `<` before its first day, `<=` up to its last,
/// `>` after its last, `>=` from its first. Single days (`today`, `+30d`) are read by
/// `RelativeDay`, as date fields read them.
public enum FilterDates {
    /// The days of `literal`, relative to `today`; weeks start on Monday.
    public static func days(_ literal: FilterLiteral, today: CalendarDate) throws(FilterError) -> ClosedRange<CalendarDate> {
        let text = literal.text.lowercased()
        if let days = absolute(text) ?? RelativeDay.day(text, today: today).map({ $0...$0 }) ?? period(text, today: today) {
            return days
        }
        throw .notADate(literal)
    }

    /// `2027-01-31`, `2027-01` or `2027`.
    private static func absolute(_ text: String) -> ClosedRange<CalendarDate>? {
        if let day = CalendarDate(parsing: text) { return day...day }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), parts[0].count == 4,
              let year = Int(parts[0]) else { return nil }
        switch parts.count {
        case 1:
            return month(year, 1).flatMap { first in month(year, 12).map { first.lowerBound...$0.upperBound } }
        case 2 where parts[1].count == 2:
            return Int(parts[1]).flatMap { month(year, $0) }
        default:
            return nil
        }
    }

    private static func month(_ year: Int, _ month: Int) -> ClosedRange<CalendarDate>? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        return first...CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))!
    }

    /// The periods `this-week` … `next-year`.
    private static func period(_ text: String, today: CalendarDate) -> ClosedRange<CalendarDate>? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let shift = ["last": -1, "this": 0, "next": 1][String(parts[0])] else { return nil }
        switch parts[1] {
        case "week":
            let monday = today.adding(days: 7 * shift - today.weekdayFromMonday)
            return monday...monday.adding(days: 6)
        case "month": return months(startingAt: today.adding(months: shift), count: 1)
        case "quarter":
            let quarterStart = CalendarDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!
            return months(startingAt: quarterStart.adding(months: 3 * shift), count: 3)
        case "year": return months(startingAt: CalendarDate(year: today.year + shift, month: 1, day: 1), count: 12)
        default: return nil
        }
    }

    /// The whole months from the month of `start`.
    private static func months(startingAt start: CalendarDate?, count: Int) -> ClosedRange<CalendarDate>? {
        guard let start, let first = CalendarDate(year: start.year, month: start.month, day: 1) else { return nil }
        let last = first.adding(months: count - 1)
        return first...CalendarDate(year: last.year, month: last.month, day: CalendarDate.daysIn(year: last.year, month: last.month))!
    }
}

extension CalendarDate {
    /// Milliseconds since 1970 UTC of this day's first instant in `zone`.
    public func startMilliseconds(in zone: TimeZone) -> Int64 {
        var calendar = Self.calendar
        calendar.timeZone = zone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return calendar.startOfDay(for: date).millisecondsSince1970
    }
}
