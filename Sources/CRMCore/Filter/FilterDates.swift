import Foundation

/// Turns a date value of a filter into the days it covers.
///
/// Every date value is a run of whole days: `2027-01-31` is one day, `2027-01` a month,
/// `this-quarter` three months, `+30d` the single day thirty days after today. Operators then
/// compare against the run: `:` is within it, `<` before its first day, `<=` up to its last,
/// `>` after its last, `>=` from its first.
public enum FilterDates {
    /// The days of `literal`, relative to `today`; weeks start on Monday.
    public static func days(_ literal: FilterLiteral, today: CalendarDate) throws(FilterError) -> ClosedRange<CalendarDate> {
        let text = literal.text.lowercased()
        if let days = absolute(text) ?? named(text, today: today) ?? relative(text, today: today) {
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

    /// `today`, `yesterday`, `tomorrow` and the periods `this-week` … `next-year`.
    private static func named(_ text: String, today: CalendarDate) -> ClosedRange<CalendarDate>? {
        switch text {
        case "today": return today...today
        case "yesterday": return point(today.adding(days: -1))
        case "tomorrow": return point(today.adding(days: 1))
        default: break
        }
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

    /// `+30d`, `-2w`, `+3m`, `-1y`: days, weeks, months or years from today. Months and years
    /// keep the day of the month, clamped to the month's length (Jan 31 + 1m = Feb 28). At most
    /// four digits, and the result must stay within the years 1–9999.
    private static func relative(_ text: String, today: CalendarDate) -> ClosedRange<CalendarDate>? {
        guard let sign = text.first, sign == "+" || sign == "-", let unit = text.last, text.count >= 3 else { return nil }
        let digits = text.dropFirst().dropLast()
        guard digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), var amount = Int(digits) else { return nil }
        if sign == "-" { amount = -amount }
        let (days, months): (Int, Int)
        switch unit {
        case "d": (days, months) = (amount, 0)
        case "w": (days, months) = (7 * amount, 0)
        case "m": (days, months) = (0, amount)
        case "y": (days, months) = (0, 12 * amount)
        default: return nil
        }
        let monthIndex = today.year * 12 + today.month - 1 + months
        guard (12...(9999 * 12 + 11)).contains(monthIndex) else { return nil }
        return point(today.adding(months: months).adding(days: days))
    }

    private static func point(_ day: CalendarDate) -> ClosedRange<CalendarDate> { day...day }
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
