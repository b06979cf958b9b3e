import Foundation

/// One problem with one field of a form, shown next to that field (SH-9).
public struct FieldError: Sendable, Hashable, CustomStringConvertible {
    /// The key of the field in its draft, e.g. `"email"`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A save was refused because the draft does not pass its rules; carries every field problem.
public struct ValidationError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public var description: String {
        "Please correct: " + errors.map(\.message).joined(separator: " ")
    }

    public var errorDescription: String? { description }
}

/// The shared rules for text fields of drafts: length caps, e-mail shape and storable text.
public enum FieldRules {
    /// The cap for single-line fields such as names, phones and cities.
    public static let lineLimit = 200
    /// The cap for e-mail addresses (RFC 5321 path limit).
    public static let emailLimit = 254
    /// The cap for free-text notes.
    public static let noteLimit = 10_000

    /// Checks length (counted in Unicode scalars, so combining floods count in full) and that the
    /// text holds no NUL character, which SQLite text cannot carry through.
    public static func check(_ value: String, field: String, label: String, limit: Int) -> FieldError? {
        if value.unicodeScalars.contains("\u{0}") {
            return FieldError(field: field, message: "\(label) contains a NUL character, which cannot be stored.")
        }
        if value.unicodeScalars.count > limit {
            return FieldError(field: field, message: "\(label) can be at most \(limit) characters long.")
        }
        return nil
    }

    /// Checks a required single-line value such as a type's name: not blank, at most
    /// `lineLimit` characters.
    public static func checkRequiredLine(_ value: String, field: String, label: String) -> FieldError? {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return FieldError(field: field, message: "\(label) is required.")
        }
        return check(value, field: field, label: label, limit: lineLimit)
    }

    /// Checks a machine identifier (logins, type keys): 1–64 characters of `a-z`, `0-9`, `.`, `_`, `-`.
    public static func checkIdentifier(_ value: String, field: String, label: String) -> FieldError? {
        if value.isEmpty {
            return FieldError(field: field, message: "\(label) is required.")
        }
        if value.utf8.count > 64 {
            return FieldError(field: field, message: "\(label) can be at most 64 characters long.")
        }
        let allowed = value.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard allowed else {
            return FieldError(
                field: field, message: "\(label) may contain only lower-case letters a-z, digits and . _ -")
        }
        return nil
    }

    /// Checks the rough shape `local@domain.tld` of a non-empty e-mail address.
    ///
    /// Deliberately loose: exactly one `@`, no spaces or control characters, and a dot in the
    /// domain that is neither its first nor its last character. Invisible characters (bidi
    /// controls, zero-width spaces and joiners) are refused with their own message: an address
    /// that looks like a colleague's but is not must not get in.
    public static func checkEmail(_ value: String, field: String = "email") -> FieldError? {
        if let error = check(value, field: field, label: "E-mail", limit: emailLimit) { return error }
        guard !value.isEmpty else { return nil }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) {
            return FieldError(field: field, message: "E-mail holds an invisible character (a direction mark or zero-width "
                + "space); type the address again.")
        }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let badCharacter = value.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
        let domain = parts.count == 2 ? parts[1] : ""
        let domainOK = domain.contains(".") && domain.first != "." && domain.last != "."
        if parts.count != 2 || parts[0].isEmpty || !domainOK || badCharacter {
            return FieldError(field: field, message: "E-mail must look like name@example.com.")
        }
        return nil
    }
}
