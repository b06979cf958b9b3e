/// JSON text written by hand for the hot paths of intake: lists for SQLite's `json_each`, through
/// which one statement looks up a whole batch of keys, and a lead's custom attributes.
/// `JSONEncoder` cost about 15 µs a lead on intake batches. SQLite's JSON functions cut text at a
/// NUL; the keys and names looked up never hold one (fields refuse it).
enum JSONList {
    /// `["a","b"]`.
    static func strings(_ values: some Sequence<String>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[["a","b"],["c","d"]]`.
    static func pairs(_ values: some Sequence<(String, String)>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, (first, second)) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            append(first, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            append(second, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `{"a":"b"}` with the keys in sorted order, so equal dictionaries give equal text.
    static func object(_ dictionary: [String: String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            append(dictionary[key]!, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string: quotes, backslashes and control characters escaped.
    private static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes += [UInt8(ascii: "\\"), byte]
            case ..<0x20:
                bytes += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
