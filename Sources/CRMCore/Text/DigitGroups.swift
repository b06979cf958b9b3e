/// Whole-number digits in groups of three separated by commas ("1234567" → "1,234,567"): the
/// one grouping the app writes numbers with, and the one its input readers take back.
public enum DigitGroups {
    /// `digits` (ASCII digits only, no sign) grouped by three from the right.
    public static func grouped(_ digits: some StringProtocol) -> String {
        var grouped = ""
        grouped.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
