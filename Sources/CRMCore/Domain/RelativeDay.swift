/// A single day named relative to today, as the filter language and date fields both write it:
/// `today`, `yesterday`, `tomorrow`, and `+30d`, `-2w`, `+3m`, `-1y` (days, weeks, months or
/// years from today; sign required, at most four digits). Months and years keep the day of the
/// month, clamped to the month's length (Jan 31 + 1m = Feb 28).
public enum RelativeDay {
    /// The day `text` names (any case), or `nil` when it names none or one outside the years 1–9999.
    public static func day(_ text: String, today: CalendarDate) -> CalendarDate? {
        let text = text.lowercased()
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: return shifted(text, today: today)
        }
    }

    private static func shifted(_ text: String, today: CalendarDate) -> CalendarDate? {
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
        return today.adding(months: months).adding(days: days)
    }
}
