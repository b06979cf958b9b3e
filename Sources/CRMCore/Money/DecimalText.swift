import Foundation

/// Converts between decimal text and `Decimal` digit by digit, never through `Double`.
public enum DecimalText {
    /// Parses the forms `Money(parsing:)` documents.
    public static func parse(_ text: String) throws(MoneyError) -> Decimal {
        let groupingSpaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "'"]
        var body = Substring(text.trimmingCharacters(in: .whitespaces)).filter { !groupingSpaces.contains($0) }[...]
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" || sign == "\u{2212}" {
            negative = sign != "+"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            throw .invalidAmount(text)
        }
        guard let (integer, fraction) = split(body) else { throw .invalidAmount(text) }
        guard !(integer.isEmpty && fraction.isEmpty) else { throw .invalidAmount(text) }
        let digits = (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
        guard digits.count <= 38, var value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .invalidAmount(text)
        }
        if negative { value.negate() }
        return value
    }

    /// `value` (already rounded to `minorDigits`) as "-1234.50".
    public static func format(_ value: Decimal, minorDigits: Int) -> String {
        var number = value
        let plain = NSDecimalString(&number, Locale(identifier: "en_US_POSIX"))
        guard minorDigits > 0 else { return plain }
        let parts = plain.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return parts[0] + "." + fraction + String(repeating: "0", count: max(0, minorDigits - fraction.count))
    }

    /// Splits the digits and separators into integer and fraction digits, or `nil` when the
    /// separators are inconsistent (e.g. "1.2.3,4.5" or "1,23,4").
    private static func split(_ body: Substring) -> (String, String)? {
        let separators = body.filter { $0 == "." || $0 == "," }
        guard let last = separators.last else { return (String(body), "") }
        let mixed = separators.contains(".") && separators.contains(",")
        let decimal: Character? = mixed || separators.count == 1 ? last : nil
        if mixed, separators.filter({ $0 == last }).count != 1 { return nil }
        let grouping: Character = mixed ? (last == "," ? "." : ",") : last
        var integerPart = body
        var fraction = ""
        if let decimal, let index = body.lastIndex(of: decimal) {
            integerPart = body[..<index]
            fraction = String(body[body.index(after: index)...])
            guard !fraction.contains(where: { !$0.isNumber }) else { return nil }
        }
        let groups = integerPart.split(separator: grouping, omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard !groups[0].isEmpty, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        return (groups.joined(), fraction)
    }
}
