import Foundation

/// Reads what people type into date fields: an ISO day (`2027-03-19`) or a day named relative to
/// today as the filter language names it (`today`, `tomorrow`, `yesterday`, `+30d`, `-1w`,
/// `+2m`, `+1y`; see `RelativeDay`).
public enum DateInput {
    /// The day `text` denotes, counted from `today`, or the message to show under the field.
    public static func day(_ text: String, today: CalendarDate) throws(InputProblem) -> CalendarDate {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let day = CalendarDate(parsing: trimmed) ?? RelativeDay.day(trimmed, today: today) else {
            throw InputProblem("not a date: write YYYY-MM-DD, today, tomorrow or +30d")
        }
        return day
    }
}
