import Foundation

/// The ways text can mention one person: by name, e-mail address or phone number.
///
/// Anonymizing (LD-9, PC-3) empties the person's own fields; text that merely mentions them
/// (an activity's outcome, a line in another record's history, an intake receipt's key) keeps
/// its other words and loses the mentions (`scrub`). Names match as whole words, ignoring case
/// and accents ("ZDENKA" mentions Zdeňka): each full name in one piece first, then each name
/// word of two letters or more. E-mail addresses match whole, ignoring case. A phone number
/// matches however it is spaced or dashed, with or without its calling code or trunk zero
/// ("731555019" and "+420 731-555-019" both mention +420 731 555 019).
public struct PersonMentions: Sendable, Hashable {
    /// What a mention becomes.
    public static let erased = "[erased]"
    /// The fields, as `Journaled` records name them, that say who a person is.
    public static let identityFields = ["firstName", "lastName", "email", "phone", "mobile"]

    private var fullNames: Set<String> = []
    private var nameWords: Set<String> = []
    private var emails: Set<String> = []
    /// Phone numbers as digits, without calling-code prefix or trunk zero (see `comparable`).
    private var phones: Set<String> = []

    /// The person as `known` (field, value) pairs tell them: the values of `identityFields` from their
    /// record and its history, in any order and with repeats. Every first name is combined with
    /// every last name, so a name corrected once is still found in its old spelling.
    public init(_ known: [(field: String, value: String)]) {
        func values(of field: String) -> Set<String> {
            Set(known.filter { $0.field == field }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) })
                .subtracting([""])
        }
        let firstNames = values(of: "firstName"), lastNames = values(of: "lastName")
        fullNames = firstNames.isEmpty ? lastNames : lastNames.isEmpty ? firstNames
            : Set(firstNames.flatMap { first in lastNames.map { "\(first) \($0)" } })
        nameWords = Set(firstNames.union(lastNames).flatMap { name in
            name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(String.init).filter { $0.count >= 2 }
        })
        emails = values(of: "email")
        phones = Set(values(of: "phone").union(values(of: "mobile")).compactMap(Self.comparable))
    }

    /// `text` with every mention of the person replaced by `erased`.
    public func scrub(_ text: String) -> String {
        let found = mentions(in: text, byNameWord: true).sorted { $0.lowerBound < $1.lowerBound }
        guard !found.isEmpty else { return text }
        var scrubbed = ""
        var rest = text.startIndex
        for range in found {
            scrubbed += text[rest..<range.lowerBound] + Self.erased
            rest = range.upperBound
        }
        return scrubbed + text[rest...]
    }

    /// Whether `text` mentions the person in any way `scrub` would replace.
    public func isMentioned(in text: String) -> Bool {
        !mentions(in: text, byNameWord: true).isEmpty
    }

    /// Whether `text` names the person unmistakably: by a full name, an e-mail address or a
    /// phone number. A single name word ("Jan") is not enough, since it names many people.
    public func identifies(_ text: String) -> Bool {
        !mentions(in: text, byNameWord: false).isEmpty
    }

    // MARK: - Finding mentions

    private func mentions(in text: String, byNameWord: Bool) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        func take(_ ranges: [Range<String.Index>]) {
            for range in ranges where !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
        }
        for literal in Self.longestFirst(emails) + Self.longestFirst(fullNames) {
            take(Self.wholeWords(literal, in: text))
        }
        take(phoneNumbers(in: text))
        if byNameWord {
            for word in Self.longestFirst(nameWords) { take(Self.wholeWords(word, in: text)) }
        }
        return found
    }

    private static func longestFirst(_ literals: Set<String>) -> [String] {
        literals.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Where `literal` occurs in `text` ignoring case and accents, not inside a longer word.
    private static func wholeWords(_ literal: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var searched = text.startIndex
        while searched < text.endIndex,
              let range = text.range(of: literal, options: [.caseInsensitive, .diacriticInsensitive],
                                     range: searched..<text.endIndex) {
            if startsWord(text, at: range.lowerBound), endsWord(text, at: range.upperBound) { found.append(range) }
            searched = range.upperBound
        }
        return found
    }

    /// The runs of digits (with the spaces, dashes, dots, slashes, parentheses and `+` numbers are
    /// written with) that spell one of the person's phone numbers.
    private func phoneNumbers(in text: String) -> [Range<String.Index>] {
        guard !phones.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard Self.startsNumber(text[index]), Self.startsWord(text, at: index) else {
                index = text.index(after: index)
                continue
            }
            var end = index, cursor = index
            while cursor < text.endIndex, Self.isDigit(text[cursor]) || Self.phoneSigns.contains(text[cursor]) {
                if Self.isDigit(text[cursor]) { end = text.index(after: cursor) }
                cursor = text.index(after: cursor)
            }
            if end > index, Self.endsWord(text, at: end), let number = Self.comparable(String(text[index..<end])),
               phones.contains(where: { Self.samePhone($0, number) }) {
                found.append(index..<end)
            }
            index = max(cursor, text.index(after: index))
        }
        return found
    }

    /// What phone numbers are written with besides digits.
    private static let phoneSigns: Set<Character> = ["+", " ", "\u{A0}", "-", ".", "/", "(", ")"]

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    private static func startsNumber(_ character: Character) -> Bool {
        isDigit(character) || character == "+" || character == "("
    }

    /// The digits of a phone number as `LeadIdentity` normalises it, without the `+` and without a
    /// leading trunk zero, so national and international writings share their tail.
    private static func comparable(_ phone: String) -> String? {
        guard var digits = LeadIdentity.normalisePhone(phone, defaultCallingCode: nil)?.filter(isDigit) else { return nil }
        if digits.hasPrefix("0") { digits.removeFirst() }
        return digits
    }

    /// One number written with its calling code and the other without, or both alike: the
    /// shorter is the tail of the longer and has at least seven digits.
    private static func samePhone(_ one: String, _ other: String) -> Bool {
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        return short.count >= 7 && long.hasSuffix(short)
    }

    private static func startsWord(_ text: String, at index: String.Index) -> Bool {
        index == text.startIndex || !isWordCharacter(text[text.index(before: index)])
    }

    private static func endsWord(_ text: String, at index: String.Index) -> Bool {
        index == text.endIndex || !isWordCharacter(text[index])
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
