import Foundation

/// The shared hostile test data (`/work/shared/testdata/hostile-strings.jsonl`, found from this
/// file): control characters, escape sequences, bidi tricks, SQL and filter syntax, floods.
enum HostileStrings {
    struct Case: Decodable {
        let `case`: String
        let text: String
    }

    static func all() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/testdata/hostile-strings.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }
}
