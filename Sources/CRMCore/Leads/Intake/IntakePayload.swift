import Foundation

/// What a sender posted, flattened into ordered name → text pairs (LP-1).
///
/// JSON objects and form bodies both become this one shape, so a field mapping never cares how
/// the data came: nested names read `properties.email` or `data.merges.FNAME` either way, and
/// every value is the exact text that was sent (numbers included), ready to be stored as is.
public struct IntakePayload: Sendable, Hashable {
    /// One posted value under its flattened name.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The body formats intake reads.
    public enum Format: Sendable, Hashable {
        case json, formURLEncoded

        /// The format of a `Content-Type` header such as `application/json; charset=utf-8`, or
        /// `nil` for a type intake does not read.
        public init?(contentType: String) {
            let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
            switch mediaType.trimmingCharacters(in: .whitespaces).lowercased() {
            case "application/json": self = .json
            case "application/x-www-form-urlencoded": self = .formURLEncoded
            default: return nil
            }
        }
    }

    /// The pairs in the order they were sent; a name may occur more than once.
    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a body of the given format; throws an error with the byte position when it is malformed.
    public init(body: some Sequence<UInt8>, format: Format) throws(IntakeError) {
        switch format {
        case .json: try self.init(json: body)
        case .formURLEncoded: try self.init(formURLEncoded: body)
        }
    }

    /// Reads a JSON object: nested objects flatten to dotted names, arrays of plain values join
    /// with commas, arrays holding objects or arrays flatten with their index (`items.0.name`),
    /// numbers keep their exact text, booleans read `true`/`false`, and `null` means "not sent".
    public init(json body: some Sequence<UInt8>) throws(IntakeError) {
        var reader = JSONPayloadReader(bytes: Array(body))
        self.init(try reader.read())
    }

    /// Reads an `application/x-www-form-urlencoded` body (UTF-8): `+` is a space, `%XX` a byte,
    /// bracketed names `data[merges][FNAME]` read `data.merges.FNAME`, and repeated `tags[]`
    /// values join with commas like a JSON array.
    public init(formURLEncoded body: some Sequence<UInt8>) throws(IntakeError) {
        self.init(try FormPayloadReader.read(Array(body)))
    }
}
