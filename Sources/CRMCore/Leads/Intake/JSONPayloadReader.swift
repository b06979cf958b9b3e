import Foundation

/// A small strict JSON reader that flattens one object into payload entries.
///
/// Written by hand rather than on `JSONSerialization` because that turns numbers into `Double`
/// and loses their text ("0.10" would come back as 0.1, big values rounded); here a number is
/// the exact characters the sender wrote.
struct JSONPayloadReader {
    /// Deeper nesting than this is refused, so a hostile body cannot exhaust the stack.
    static let depthLimit = 32

    let bytes: [UInt8]
    private var index = 0
    private var entries: [IntakePayload.Entry] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read() throws(IntakeError) -> [IntakePayload.Entry] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else { throw error("The body must be a JSON object starting with {.") }
        try readObject(prefix: nil, depth: 1)
        skipWhitespace()
        guard index == bytes.count else { throw error("Unexpected text after the JSON object.") }
        return entries
    }

    // MARK: Values

    private mutating func readObject(prefix: String?, depth: Int) throws(IntakeError) {
        guard depth <= Self.depthLimit else { throw error("JSON nested deeper than \(Self.depthLimit) levels.") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("Expected a quoted field name.") }
            let key = try readString()
            skipWhitespace()
            try expect(":", "Expected : after the field name.")
            skipWhitespace()
            try readValue(path: prefix.map { "\($0).\(key)" } ?? key, depth: depth)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else {
                try expect("}", "Expected , or } in the object.")
                return
            }
        }
    }

    private mutating func readValue(path: String, depth: Int) throws(IntakeError) {
        switch peek {
        case UInt8(ascii: "{"): try readObject(prefix: path, depth: depth + 1)
        case UInt8(ascii: "["): try readArray(path: path, depth: depth + 1)
        default:
            if let text = try readScalar() { entries.append(.init(path, text)) }
        }
    }

    /// Plain values join into one entry; once an element is an object or array, every element
    /// is flattened under its index instead.
    private mutating func readArray(path: String, depth: Int) throws(IntakeError) {
        guard depth <= Self.depthLimit else { throw error("JSON nested deeper than \(Self.depthLimit) levels.") }
        index += 1
        var scalars: [String] = []
        var nested = false
        let firstEntry = entries.count
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            entries.append(.init(path, ""))
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "{") || peek == UInt8(ascii: "[") {
                nested = true
                try readValue(path: "\(path).\(position)", depth: depth)
            } else if let text = try readScalar() {
                scalars.append(text)
                entries.append(.init("\(path).\(position)", text))
            }
            position += 1
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else {
                try expect("]", "Expected , or ] in the array.")
                break
            }
        }
        if !nested {
            entries.removeSubrange(firstEntry...)
            entries.append(.init(path, scalars.joined(separator: ",")))
        }
    }

    /// A string, number or boolean as text; `nil` for `null`.
    private mutating func readScalar() throws(IntakeError) -> String? {
        guard let byte = peek else { throw error("The JSON ends where a value was expected.") }
        switch byte {
        case UInt8(ascii: "\""): return try readString()
        case UInt8(ascii: "t"): try readLiteral("true"); return "true"
        case UInt8(ascii: "f"): try readLiteral("false"); return "false"
        case UInt8(ascii: "n"): try readLiteral("null"); return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw error("Expected a value (a string, number, object, array, true, false or null).")
        }
    }

    private mutating func readLiteral(_ word: String) throws(IntakeError) {
        guard bytes[index...].starts(with: word.utf8) else { throw error("Expected a value; did you mean \(word)?") }
        index += word.utf8.count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func readNumber() throws(IntakeError) -> String {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else {
            try readDigits("A number needs digits.")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            try readDigits("A number needs digits after the decimal point.")
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            try readDigits("A number needs digits in its exponent.")
        }
        if let next = peek, Self.isDigit(next) { throw error("A number cannot start with 0 followed by digits.") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readDigits(_ message: String) throws(IntakeError) {
        guard let first = peek, Self.isDigit(first) else { throw error(message) }
        while let next = peek, Self.isDigit(next) { index += 1 }
    }

    // MARK: Strings

    private mutating func readString() throws(IntakeError) -> String {
        let start = index
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek else {
                index = start
                throw error("This string is never closed with \".")
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: text, as: UTF8.self) else {
                    index = start
                    throw error("This string is not valid UTF-8.")
                }
                return string
            case UInt8(ascii: "\\"):
                try readEscape(into: &text)
            case 0..<0x20:
                throw error("Control character U+\(Self.hex(UInt32(byte))) must be written as an escape inside a JSON string.")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    private mutating func readEscape(into text: inout [UInt8]) throws(IntakeError) {
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        guard let letter = peek else { throw error("The JSON ends inside an escape.") }
        if let byte = simple[letter] {
            text.append(byte)
            index += 1
            return
        }
        guard letter == UInt8(ascii: "u") else { throw error("Unknown escape \\\(Character(Unicode.Scalar(letter))).") }
        let escapeStart = index - 1
        var unit = try readHex4()
        if (0xD800...0xDBFF).contains(unit) {
            guard bytes[index...].starts(with: Array("\\u".utf8)) else {
                index = escapeStart
                throw error("A high surrogate \\u\(Self.hex(unit)) must be followed by a low surrogate.")
            }
            index += 1
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = escapeStart
                throw error("A high surrogate \\u\(Self.hex(unit)) must be followed by a low surrogate.")
            }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            index = escapeStart
            throw error("A low surrogate \\u\(Self.hex(unit)) cannot stand alone.")
        }
        text.append(contentsOf: String(Character(Unicode.Scalar(unit)!)).utf8)
    }

    /// Reads `u` and four hex digits.
    private mutating func readHex4() throws(IntakeError) -> UInt32 {
        index += 1
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = Self.hexValue(byte) else { throw error("\\u needs four hex digits.") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: Helpers

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ character: Unicode.Scalar, _ message: String) throws(IntakeError) {
        guard peek == UInt8(ascii: character) else { throw error(message) }
        index += 1
    }

    private func error(_ message: String) -> IntakeError {
        .malformed(message, at: index, in: bytes)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
