import Foundation

/// The normalised keys that tell whether two leads are the same person (LP-7).
///
/// People type the same address, number and name in many ways; comparing these keys instead of
/// the raw text finds "Jan.Novak@Gmail.com" and "jannovak+fair@gmail.com", or "0601 234 567" and
/// "+420 601-234-567", as one. A key is `nil` when its field is empty or cannot be read, so
/// blanks never match each other.
public struct LeadIdentity: Sendable, Hashable {
    /// The e-mail trimmed and lower-cased; for Gmail also without dots and `+tag` (see `normaliseEmail`).
    public var normalisedEmail: String?
    /// The phone and mobile numbers, E.164-like (see `normalisePhone`).
    public var normalisedPhones: Set<String>
    /// Folded name words (any order) and folded company without its legal form; needs both.
    public var nameCompanyKey: String?

    /// The keys of `draft`; national phone numbers get `defaultCallingCode` (digits, e.g. "420").
    public init(_ draft: LeadDraft, defaultCallingCode: String?) {
        normalisedEmail = Self.normaliseEmail(draft.email)
        normalisedPhones = Set([draft.phone, draft.mobile].compactMap {
            Self.normalisePhone($0, defaultCallingCode: defaultCallingCode)
        })
        nameCompanyKey = Self.nameCompanyKey(firstName: draft.firstName, lastName: draft.lastName, company: draft.company)
    }

    /// Trimmed and lower-cased (mail systems treat the local part case-blind in practice). Only
    /// for gmail.com and googlemail.com, which document that dots and a `+tag` do not change the
    /// mailbox, are those removed and the domain written gmail.com; other providers differ, so
    /// their addresses keep both. `nil` without exactly one `@` or with an empty side.
    public static func normaliseEmail(_ email: String) -> String? {
        let parts = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        var local = parts[0]
        var domain = parts[1]
        if domain == "gmail.com" || domain == "googlemail.com" {
            local = local.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            local = Substring(local.filter { $0 != "." })
            domain = "gmail.com"
            guard !local.isEmpty else { return nil }
        }
        return "\(local)@\(domain)"
    }

    /// `+` and digits only: spaces, dashes, dots, slashes and parentheses go, a `00` prefix
    /// becomes `+`, a written-out trunk `(0)` after the country code goes ("+44 (0)20 …"), and a
    /// national number gets `+defaultCallingCode` after dropping one leading trunk `0`
    /// ("0601 234 567" → "+420601234567"). Without a default a national number stays bare digits.
    /// `nil` for text with letters or other signs, or outside 6–15 digits.
    public static func normalisePhone(_ phone: String, defaultCallingCode: String?) -> String? {
        var text = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("+") { text = text.replacingOccurrences(of: "(0)", with: "") }
        let separators: Set<Character> = [" ", "\u{A0}", "-", ".", "/", "(", ")"]
        text = text.filter { !separators.contains($0) }
        let international = text.hasPrefix("+") || text.hasPrefix("00")
        var digits = text.hasPrefix("+") ? text.dropFirst() : text.hasPrefix("00") ? text.dropFirst(2) : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let number: String
        if international {
            number = "+" + digits
        } else if let code = defaultCallingCode {
            if digits.first == "0" { digits = digits.dropFirst() }
            number = "+" + code + digits
        } else {
            number = String(digits)
        }
        let count = number.filter(\.isNumber).count
        return (6...15).contains(count) ? number : nil
    }

    /// "ana novak|acme" from Ana / Novák / "ACME s.r.o.": name words folded and sorted (so
    /// swapped first and last names still match), then the folded company words without
    /// trailing legal forms (s.r.o., a.s., GmbH, Ltd, B.V., Inc, …). `nil` unless both a name
    /// and a company remain.
    public static func nameCompanyKey(firstName: String, lastName: String, company: String) -> String? {
        let name = SearchText.words(SearchText.fold(firstName + " " + lastName)).map(String.init).sorted()
        var companyWords = SearchText.words(SearchText.fold(company)).map(String.init)
        while let suffix = legalForms.first(where: { companyWords.count > $0.count && companyWords.hasSuffix($0) }) {
            companyWords.removeLast(suffix.count)
        }
        guard !name.isEmpty, !companyWords.isEmpty else { return nil }
        return name.joined(separator: " ") + "|" + companyWords.joined(separator: " ")
    }

    /// Legal forms as folded words ("s.r.o." reads s, r, o), longest first so "spol. s r.o." goes whole.
    private static let legalForms: [[String]] = [
        ["spol", "s", "r", "o"], ["sp", "z", "o", "o"], ["s", "r", "o"], ["a", "s"], ["b", "v"], ["n", "v"],
        ["s", "a"], ["sro"], ["gmbh"], ["ag"], ["kg"], ["ltd"], ["limited"], ["plc"], ["llc"], ["inc"],
        ["corp"], ["corporation"], ["co"], ["bv"], ["nv"], ["sa"], ["sarl"], ["oy"], ["ab"], ["as"],
    ]
}

private extension Array where Element == String {
    func hasSuffix(_ suffix: [String]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
