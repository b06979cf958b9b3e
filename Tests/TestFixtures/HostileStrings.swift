import Foundation

/// The project's hostile test strings (`hostile-strings.jsonl` beside this file): control
/// characters, escape sequences, bidi tricks, characters of several code points, SQL and filter
/// syntax, floods. One JSON object a line, `{"case": ..., "text": ...}`, JSON-escaped so every
/// control character is exact. Every input path's tests run them; add a line when a new kind of
/// text breaks something.
public enum HostileStrings {
    public struct Case: Decodable, Sendable {
        /// A short name saying what the text tries.
        public let `case`: String
        public let text: String
    }

    /// Where the file lives: in the repository, beside this source file.
    public static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("hostile-strings.jsonl")

    /// Every case of the file, in file order; throws with the line number when a line is not a case.
    public static func all() throws -> [Case] {
        let text = try String(contentsOf: fileURL, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { index, line in
            do {
                return try JSONDecoder().decode(Case.self, from: Data(line.utf8))
            } catch {
                throw MalformedLine(line: index + 1, reason: String(describing: error))
            }
        }
    }

    /// A line of the file that is not a case.
    public struct MalformedLine: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "\(HostileStrings.fileURL.path):\(line): \(reason)" }
    }
}
