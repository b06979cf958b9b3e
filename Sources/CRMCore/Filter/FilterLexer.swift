/// One token of filter text.
struct FilterToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A run of characters without spaces, quotes, parentheses, `|`, `,` or operators.
        case word(String)
        /// A double-quoted phrase, quotes removed and escapes resolved.
        case phrase(String)
        case op(FilterOperator)
        case comma
        case openParen
        case closeParen
        /// `|`, the short form of `OR`.
        case pipe
        /// `-` at the start of a term: negation.
        case minus
    }

    var kind: Kind
    var range: FilterRange
    /// True when whitespace separates this token from the previous one; a field, its operator
    /// and its values must touch.
    var spaced: Bool
}

/// Splits filter text into tokens, counting positions in `Character`s (see `FilterRange`).
///
/// `-` negates only at the start of a term (after a space, `(`, `|` or another `-`), so
/// `jean-paul` and `close>-2w` keep their dashes. Inside quotes, `\"` is a quote and `\\` a
/// backslash; a backslash before any other character keeps that character.
enum FilterLexer {
    static func tokens(_ text: String) throws(FilterError) -> [FilterToken] {
        let (characters, offsets) = lexemes(text)
        var tokens: [FilterToken] = []
        var index = 0
        var spaced = true
        func add(_ kind: FilterToken.Kind, from start: Int) {
            tokens.append(FilterToken(kind: kind, range: FilterRange(offsets[start], offsets[index]), spaced: spaced))
            spaced = false
        }
        while index < characters.count {
            let start = index
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                spaced = true
                continue
            }
            index += 1
            switch character {
            case "(": add(.openParen, from: start)
            case ")": add(.closeParen, from: start)
            case "|": add(.pipe, from: start)
            case ",": add(.comma, from: start)
            case "\"":
                guard let text = phrase(characters, &index) else {
                    throw FilterError("Unclosed quote", at: FilterRange(offsets[start], offsets[characters.count]))
                }
                add(.phrase(text), from: start)
            case "-" where startsTerm(spaced: spaced, after: tokens.last) && index < characters.count
                && !characters[index].isWhitespace:
                add(.minus, from: start)
            default:
                index = start
                if let op = op(characters, &index) {
                    add(.op(op), from: start)
                } else {
                    while index < characters.count, !endsWord(characters, index) { index += 1 }
                    add(.word(String(characters[start..<index])), from: start)
                }
            }
        }
        return tokens
    }

    private static func startsTerm(spaced: Bool, after previous: FilterToken?) -> Bool {
        guard !spaced, let previous else { return true }
        return [.openParen, .pipe, .minus].contains(previous.kind)
    }

    /// The operator at `index`, advancing past it; `!` alone is an ordinary character.
    private static func op(_ characters: [Character], _ index: inout Int) -> FilterOperator? {
        let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
        let (op, length): (FilterOperator?, Int) = switch characters[index] {
        case ":": (.matches, 1)
        case "=": (.equal, 1)
        case "!" where next == "=": (.notEqual, 2)
        case "<" where next == "=": (.lessOrEqual, 2)
        case "<": (.less, 1)
        case ">" where next == "=": (.greaterOrEqual, 2)
        case ">": (.greater, 1)
        default: (nil, 0)
        }
        index += length
        return op
    }

    /// The characters of `text`, except that a syntax character is never joined with the
    /// combining marks after it: `"` followed by an accent is a quote and then the accent, as the
    /// user who typed it means (Swift would read the pair as one character and miss the quote).
    /// `offsets` gives each one's position in `text`'s characters, and `text.count` last, so
    /// ranges stay in the unit the filter line's cursor counts.
    static func lexemes(_ text: String) -> (characters: [Character], offsets: [Int]) {
        var characters: [Character] = [], offsets: [Int] = []
        for (offset, character) in text.enumerated() {
            let scalars = character.unicodeScalars
            if scalars.count > 1, let first = scalars.first, syntax.contains(first) {
                let marks = Array(String(String.UnicodeScalarView(scalars.dropFirst())))
                characters += [Character(first)] + marks
                offsets += Array(repeating: offset, count: 1 + marks.count)
            } else {
                characters.append(character)
                offsets.append(offset)
            }
        }
        return (characters, offsets + [offsets.count == 0 ? 0 : (offsets.last! + 1)])
    }

    private static let syntax = Set("\"\\()|,:=<>!-".unicodeScalars)

    private static func endsWord(_ characters: [Character], _ index: Int) -> Bool {
        var probe = index
        let character = characters[index]
        return character.isWhitespace || "()|,\"".contains(character) || op(characters, &probe) != nil
    }

    /// The text of a quoted phrase whose opening quote is just before `index`; `nil` when the
    /// quote is never closed.
    private static func phrase(_ characters: [Character], _ index: inout Int) -> String? {
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\"":
                return text
            case "\\" where index < characters.count:
                text.append(characters[index])
                index += 1
            default:
                text.append(character)
            }
        }
        return nil
    }
}
