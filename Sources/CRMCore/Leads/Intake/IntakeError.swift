import Foundation

/// Why a posted lead was refused (LP-1): a body that cannot be read, or fields whose values do
/// not fit. The HTTP layer turns it into a 4xx answer, so every message names what the sender
/// wrote — a byte position in the body, or the sender's own field names.
public struct IntakeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the body a reading problem is: a 0-based byte offset and its 1-based line and
    /// column (the column counts bytes, so it matches what tools like `cut -b` show).
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var offset: Int
        public var line: Int
        public var column: Int

        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }

        /// The position of byte `offset` in `bytes`.
        init(offset: Int, in bytes: [UInt8]) {
            var line = 1
            var lineStart = 0
            for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            self.init(offset: offset, line: line, column: offset - lineStart + 1)
        }

        public var description: String { "line \(line), column \(column) (byte \(offset))" }
    }

    /// What went wrong, in one sentence.
    public var message: String
    /// Where, for a body that could not be read.
    public var position: Position?
    /// Each refused field, keyed by the name the sender used (e.g. `"score"`, `"properties.email"`).
    public var fieldErrors: [FieldError]
    /// Whether the body was read but what it says cannot become a lead (HTTP 422), rather than a
    /// body or header that cannot be read (400). Field errors always make it so; a lead lacking
    /// something as a whole (no name, company or e-mail) is so without naming one field.
    public var isUnprocessable: Bool

    public init(message: String, position: Position? = nil, fieldErrors: [FieldError] = [], isUnprocessable: Bool = false) {
        self.message = message
        self.position = position
        self.fieldErrors = fieldErrors
        self.isUnprocessable = isUnprocessable || !fieldErrors.isEmpty
    }

    /// A body that cannot be read, at byte `offset` of `bytes`.
    static func malformed(_ message: String, at offset: Int, in bytes: [UInt8]) -> IntakeError {
        IntakeError(message: message, position: Position(offset: offset, in: bytes))
    }

    /// A lead the sender must correct: what it lacks as a whole, if anything, then a count of the
    /// fields to correct.
    static func invalidLead(lacking: String?, fields errors: [FieldError]) -> IntakeError {
        let count: String? = switch errors.count {
        case 0: nil
        case 1: "1 field is invalid."
        default: "\(errors.count) fields are invalid."
        }
        return IntakeError(message: [lacking, count].compactMap { $0 }.joined(separator: " "), fieldErrors: errors,
                           isUnprocessable: true)
    }

    public var description: String {
        if let position { return "\(message) At \(position)." }
        guard !fieldErrors.isEmpty else { return message }
        return ([message] + fieldErrors.map { "`\($0.field)`: \($0.message)" }).joined(separator: " ")
    }
}
