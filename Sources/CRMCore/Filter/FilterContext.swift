import Foundation

/// What a filter's relative values mean at the moment it is applied: which day "today" is,
/// the user's time zone (for fields stored as instants), who "me" is, and how currencies
/// compare. Passed in explicitly, so the same filter text gives the same rows in tests and
/// saved filters follow the calendar.
public struct FilterContext: Sendable {
    public var today: CalendarDate
    /// The zone whose midnights bound the days of timestamp fields.
    public var timeZone: TimeZone
    /// The user id that `me` stands for.
    public var me: Int64
    public var rates: ExchangeRateTable

    public init(today: CalendarDate, timeZone: TimeZone, me: Int64, rates: ExchangeRateTable) {
        self.today = today
        self.timeZone = timeZone
        self.me = me
        self.rates = rates
    }
}
