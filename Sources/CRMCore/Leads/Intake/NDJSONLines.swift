/// Splits a newline-delimited JSON body (one lead per line) for the batch endpoint (LP-1).
///
/// Lines are numbered from 1 as a text editor shows them; blank lines (and a final newline) are
/// skipped but still counted, and a `\r` before the newline is dropped, so a sender's line
/// numbers match the ones in the answer.
public enum NDJSONLines {
    /// One non-blank line: its 1-based number and its bytes without the line break.
    public struct Line: Sendable, Hashable {
        public var number: Int
        public var bytes: ArraySlice<UInt8>
    }

    public static func split(_ body: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var number = 1
        while start < body.count {
            let end = body[start...].firstIndex(of: UInt8(ascii: "\n")) ?? body.count
            var content = body[start..<end]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            if content.contains(where: { !isWhitespace($0) }) { lines.append(Line(number: number, bytes: content)) }
            start = end + 1
            number += 1
        }
        return lines
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
