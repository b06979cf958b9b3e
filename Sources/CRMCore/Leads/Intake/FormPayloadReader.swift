import Foundation

/// Reads `application/x-www-form-urlencoded` bodies into payload entries.
///
/// Bracketed names are how PHP-style senders such as Mailchimp nest fields; they become the
/// same dotted names a JSON object flattens to, so one mapping serves both.
enum FormPayloadReader {
    static func read(_ bytes: [UInt8]) throws(IntakeError) -> [IntakePayload.Entry] {
        var entries: [IntakePayload.Entry] = []
        var listPositions: [String: Int] = [:]
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            defer { start = end + 1 }
            guard end > start else { continue }
            let separator = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) ?? end
            let rawName = try decode(bytes, start..<separator)
            let value = separator < end ? try decode(bytes, (separator + 1)..<end) : ""
            guard !rawName.isEmpty else {
                throw .malformed("A form field has no name.", at: start, in: bytes)
            }
            guard let (name, isList) = dottedName(rawName) else {
                throw .malformed("The field name \"\(rawName)\" has unbalanced brackets.", at: start, in: bytes)
            }
            if isList, let position = listPositions[name] {
                entries[position].value += "," + value
            } else {
                if isList { listPositions[name] = entries.count }
                entries.append(.init(name, value))
            }
        }
        return entries
    }

    /// `data[merges][FNAME]` → `data.merges.FNAME`; a trailing `[]` marks a list (`tags[]` → `tags`).
    /// `nil` when the brackets do not pair up.
    static func dottedName(_ raw: String) -> (name: String, isList: Bool)? {
        guard let open = raw.firstIndex(of: "[") else {
            return raw.contains("]") ? nil : (raw, false)
        }
        var parts = [String(raw[..<open])]
        var rest = raw[open...]
        var isList = false
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]"), !isList else { return nil }
            let segment = rest[rest.index(after: rest.startIndex)..<close]
            guard !segment.contains("[") else { return nil }
            if segment.isEmpty { isList = true } else { parts.append(String(segment)) }
            rest = rest[rest.index(after: close)...]
        }
        return (parts.joined(separator: "."), isList)
    }

    /// Percent-decodes one name or value (`+` is a space) and checks it is UTF-8.
    private static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(IntakeError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < range.upperBound, let high = JSONPayloadReader.hexValue(bytes[index + 1]),
                      let low = JSONPayloadReader.hexValue(bytes[index + 2]) else {
                    throw .malformed("% must be followed by two hex digits.", at: index, in: bytes)
                }
                decoded.append(UInt8(high << 4 | low))
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw .malformed("This form field is not valid UTF-8 once decoded.", at: range.lowerBound, in: bytes)
        }
        return text
    }
}
