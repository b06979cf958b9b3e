import Foundation

/// A number as it was typed: its exact value, and how many decimals it was written with after
/// the multiplier (`52.000` has three, `1.5k` none), so a reader can refuse decimals a field
/// does not take instead of rounding them away.
struct TypedNumber: Equatable {
    var value: Decimal
    var decimals: Int
    /// How the text reads if its point was meant to group thousands, as people write numbers in
    /// much of Europe: "52,000" for `52.000`; `nil` unless the text is 1–3 digits, a point and
    /// three digits.
    var thousandsReading: String?
}

/// Why text is not a number, with what it probably meant written the way the app writes numbers.
enum NumberProblem: Error, Equatable {
    case unreadable
    case tooManyDigits
    /// A comma used as the decimal mark ("52,50", "1.234,5"): the number with a point.
    case decimalComma(String)
    /// Points grouping thousands ("1.234.567"): the number grouped with commas.
    case groupingPoints(String)
    /// Separators out of place ("5,20,00"): the digits as one number, and when the last separator
    /// is a comma, the reading with that comma as the decimal mark.
    case misplacedGroups(whole: String, decimal: String?)
}

/// Reads numbers as the app writes them and as the filter language takes them: an optional sign,
/// digits either plain or grouped by three with commas (spaces group too), an optional `.` and
/// decimals, and an optional multiplier `k`, `m` or `b` (thousand, million, billion; either case):
/// `52000`, `52,000.50`, `-3`, `1.5M`. A comma is never a decimal mark: `52,000` is fifty-two
/// thousand, and `52,5`, whose comma can only be a decimal mark, is refused with `52.5` as the
/// suggestion. The filter language's words never hold a comma or a space (a comma ends a value).
enum NumberText {
    /// Digits a number may have, decimals included; `Decimal` holds 38 exactly.
    static let maximumDigits = 30

    private static let multiplierPowers: [Character: Int] = ["k": 3, "K": 3, "m": 6, "M": 6, "b": 9, "B": 9]
    /// Spaces that may group digits: plain, no-break, narrow no-break and thin.
    private static let groupingSpaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]

    static func read(_ text: Substring) throws(NumberProblem) -> TypedNumber {
        var body = trimmed(text)
        let sign = body.first == "-" || body.first == "+" ? String(body.removeFirst()) : ""
        var multiplier: Character?
        if let last = body.last, multiplierPowers[last] != nil {
            multiplier = body.removeLast()
            body = trimmed(body)
        }
        guard let first = body.first, let last = body.last, isDigit(first), isDigit(last),
              body.allSatisfy({ isDigit($0) || $0 == "." || isGroupSeparator($0) }) else { throw .unreadable }
        let (integer, fraction) = try split(body) { sign + $0 + (multiplier.map(String.init) ?? "") }
        guard integer.count + fraction.count <= maximumDigits else { throw .tooManyDigits }
        let power = multiplier.flatMap { multiplierPowers[$0] } ?? 0
        let digits = fraction.isEmpty ? integer : integer + "." + fraction
        var value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))!
            * Decimal(sign: .plus, exponent: power, significand: 1)
        if sign == "-" { value.negate() }
        let pointGroups = multiplier == nil && (1...3).contains(integer.count) && integer.first != "0"
            && fraction.count == 3 && body.count == integer.count + 4
        let thousands = pointGroups ? sign + DigitGroups.grouped(integer + fraction) : nil
        return TypedNumber(value: value, decimals: max(0, fraction.count - power), thousandsReading: thousands)
    }

    /// The integer and fraction digits of a number written as the app writes it, or the problem
    /// with a suggestion decorated (sign, multiplier) by `decorate`.
    private static func split(_ body: Substring, decorate: (String) -> String) throws(NumberProblem) -> (String, String) {
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count <= 2, let integer = groupedDigits(parts[0], separators: isGroupSeparator) {
            let fraction = parts.count == 2 ? parts[1] : ""
            if fraction.allSatisfy(isDigit) { return (integer, String(fraction)) }
        }
        throw diagnose(body).suggesting(decorate)
    }

    /// What a number the app would not write probably means.
    private static func diagnose(_ body: Substring) -> NumberProblem {
        let commas = body.filter { $0 == "," }.count
        let pointsOrSpaces = { (character: Character) in character == "." || groupingSpaces.contains(character) }
        // One comma after any points, followed by one or two digits, or by any digits when points
        // group the digits before it or those are a zero ("0,0398"): a decimal comma.
        if commas == 1, let comma = body.firstIndex(of: ",") {
            let integer = body[..<comma]
            let fraction = body[body.index(after: comma)...]
            if fraction.allSatisfy(isDigit), integer.contains(".") || integer.first == "0" || (1...2).contains(fraction.count),
               let digits = groupedDigits(integer, separators: pointsOrSpaces) {
                return .decimalComma(DigitGroups.grouped(digits) + "." + fraction)
            }
        }
        if commas == 0, let digits = groupedDigits(body, separators: pointsOrSpaces) {
            return .groupingPoints(DigitGroups.grouped(digits))
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.count == 1 || parts[1].allSatisfy(isDigit) else { return .unreadable }
        let whole = DigitGroups.grouped(parts[0].filter(isDigit)) + (parts.count == 2 ? "." + parts[1] : "")
        var decimal: String?
        if parts.count == 1, let comma = body.lastIndex(of: ","), body[comma...].dropFirst().allSatisfy(isDigit) {
            decimal = DigitGroups.grouped(body[..<comma].filter(isDigit)) + "." + body[comma...].dropFirst()
        }
        return .misplacedGroups(whole: whole, decimal: decimal)
    }

    /// The digits of `text` when its separators group them by three (the first group 1–3 digits)
    /// or it has none; `nil` otherwise.
    private static func groupedDigits(_ text: Substring, separators: (Character) -> Bool) -> String? {
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: separators)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
        guard groups.count == 1 || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }) else {
            return nil
        }
        return groups.joined()
    }

    private static func trimmed(_ text: Substring) -> Substring {
        Substring(text.trimmingCharacters(in: .whitespaces))
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isGroupSeparator(_ character: Character) -> Bool {
        character == "," || groupingSpaces.contains(character)
    }
}

extension NumberProblem {
    /// The problem with its suggestions passed through `decorate`.
    fileprivate func suggesting(_ decorate: (String) -> String) -> NumberProblem {
        switch self {
        case .unreadable, .tooManyDigits: self
        case .decimalComma(let number): .decimalComma(decorate(number))
        case .groupingPoints(let number): .groupingPoints(decorate(number))
        case .misplacedGroups(let whole, let decimal): .misplacedGroups(whole: decorate(whole), decimal: decimal.map(decorate))
        }
    }

    /// The sentence shown under a field; `unreadable` is the field's own ("not an amount: …").
    func message(unreadable: String) -> String {
        switch self {
        case .unreadable: unreadable
        case .tooManyDigits: "too many digits: at most \(NumberText.maximumDigits)"
        case .decimalComma(let number): "use a point for decimals: \(number)"
        case .groupingPoints(let number): "use commas to group digits: \(number)"
        case .misplacedGroups(let whole, let decimal):
            "group digits by three: \(whole)" + (decimal.map { " (or \($0) for decimals)" } ?? "")
        }
    }
}
