import Foundation

/// Amounts as typed: a number (`NumberText`) with an optional ISO currency code before or after
/// it, in either case, touching it or after a space: `52,000 EUR`, `EUR 52k`, `10kEUR`, `usd2.5m`.
/// The filter language and money fields split amounts with it, so both take the same writings.
enum AmountText {
    /// The number part and the code (upper-cased), `nil` when the text names none: three letters
    /// that start the text are a code, else three letters that end it.
    static func split(_ text: Substring) -> (number: Substring, code: String?) {
        let body = Substring(text.trimmingCharacters(in: .whitespaces))
        let isLetter = { (character: Character) in character.isASCII && character.isLetter }
        if body.prefix(while: isLetter).count == 3 { return (body.dropFirst(3), body.prefix(3).uppercased()) }
        let code = body.suffix(3)
        if code.count == 3, code.allSatisfy(isLetter) { return (body.dropLast(3), code.uppercased()) }
        return (body, nil)
    }
}
