import Foundation

/// Folds text for searching and sorting, so "Čeněk" sorts and matches as "cenek".
///
/// One definition serves the stored search and sort keys, the quick filter and the cursors of
/// keyset paging: if they folded differently, filters would miss rows and pages would skip them.
///
/// Words are maximal runs of letters, digits and private-use characters (Unicode categories
/// L*, N*, Co) — the same split SQLite's FTS5 `unicode61` tokenizer makes, so a word-prefix
/// test on the search key and an FTS5 prefix query agree.
public enum SearchText {
    /// Lower-cases, strips Latin diacritics and collapses whitespace runs into one space.
    ///
    /// Only the combining diacritical marks (U+0300–U+036F) are removed, so Japanese voiced kana
    /// (が) keep their marks. Letters without a decomposition fold by hand (ß → ss, ł → l, ø → o).
    /// Works scalar by scalar with a precomputed table for Latin, Greek and Cyrillic letters:
    /// demo data folds millions of fields.
    public static func fold(_ text: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var needsComposition = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !folded.isEmpty
                continue
            }
            if (0x300...0x36F).contains(value) { continue }
            if pendingSpace {
                folded.append(0x20)
                pendingSpace = false
            }
            if value < 0x80 {
                folded.append(UInt8(value) | ((0x41...0x5A).contains(value) ? 0x20 : 0))
            } else if Int(value) < foldTable.count {
                folded.append(contentsOf: foldTable[Int(value)])
            } else {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                needsComposition = needsComposition || scalar.properties.canonicalCombiningClass != .notReordered
            }
        }
        let result = String(decoding: folded, as: UTF8.self)
        return needsComposition ? result.precomposedStringWithCanonicalMapping : result
    }

    /// The words of already folded text, in order.
    public static func words(_ folded: String) -> [Substring] {
        folded.unicodeScalars.split(whereSeparator: { !isWordScalar($0) }).map(Substring.init)
    }

    /// The stored search key of a record: `" "` followed by the words of all parts, each preceded
    /// by one space, so that `" " + prefix` occurs in the key exactly when some word starts with
    /// the prefix.
    public static func key(_ parts: [String]) -> String {
        var key: [UInt8] = []
        for part in parts where !part.isEmpty {
            var inWord = false
            for scalar in fold(part).unicodeScalars {
                guard isWordScalar(scalar) else {
                    inWord = false
                    continue
                }
                if !inWord { key.append(0x20) }
                inWord = true
                if scalar.isASCII {
                    key.append(UInt8(scalar.value))
                } else {
                    key.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The tokens of quick-filter text: its folded words, duplicates removed, in typing order.
    ///
    /// Punctuation and quotes split words here exactly as in stored keys, so a filter can never
    /// carry SQL or FTS syntax.
    public static func filterTokens(_ filter: String) -> [String] {
        var seen = Set<String>()
        return words(fold(filter)).map(String.init).filter { seen.insert($0).inserted }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// The folded form of every scalar below U+0530 (Latin, Greek, Cyrillic, Armenian start):
    /// lower-cased, decomposed, diacritics dropped.
    private static let foldTable: [[UInt8]] = (0..<0x530).map { value in
        guard let scalar = Unicode.Scalar(value) else { return [] }
        var folded = ""
        for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(part.value) {
            folded += unmarkedLetters[part] ?? String(part)
        }
        return Array(folded.utf8)
    }

    /// Lower-case letters that do not decompose into a base letter and a combining mark.
    private static let unmarkedLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th",
        "ð": "d", "ı": "i", "ŧ": "t",
    ]

    /// `text` as a filter of plain words only: each word quoted, so nothing typed into a search
    /// box (go-to, record pickers) is read as filter syntax. Empty when it has no words.
    public static func plainWordsFilter(_ text: String) -> String {
        filterTokens(text).map { "\"\($0)\"" }.joined(separator: " ")
    }
}
