import Foundation
import TerminalUI
import XCTest

/// Compares screen text with a committed snapshot file and explains the first difference.
///
/// The file lives next to the test: `<test dir>/Snapshots/<name>.txt`. A missing file is
/// recorded (and the test passes, except under CI, where a missing snapshot is a failure);
/// `RECORD_SNAPSHOTS=1` re-records every snapshot the run touches.
public func assertSnapshot(_ lines: [String], named name: String,
                           file: StaticString = #filePath, line: UInt = #line) {
    let testFile = URL(fileURLWithPath: "\(file)")
    let store = SnapshotStore(directory: testFile.deletingLastPathComponent().appendingPathComponent("Snapshots"))
    let environment = ProcessInfo.processInfo.environment
    let outcome = store.check(lines, named: name,
                              record: environment["RECORD_SNAPSHOTS"] == "1",
                              recordMissing: environment["CI"] == nil)
    switch outcome {
    case .matched: break
    case .recorded(let path): print("recorded snapshot \(path)")
    case .failed(let message): XCTFail(message, file: file, line: line)
    }
}

/// Snapshots the last frame of `terminal`.
public func assertSnapshot(_ terminal: VirtualTerminal, named name: String,
                           file: StaticString = #filePath, line: UInt = #line) {
    assertSnapshot(terminal.lines, named: name, file: file, line: line)
}

/// Snapshots the text of `buffer`.
public func assertSnapshot(_ buffer: ScreenBuffer, named name: String,
                           file: StaticString = #filePath, line: UInt = #line) {
    assertSnapshot(buffer.lines, named: name, file: file, line: line)
}

/// The snapshot files of one folder; separate from XCTest so its behaviour can be tested.
public struct SnapshotStore: Sendable {
    public enum Outcome: Sendable, Equatable {
        case matched
        case recorded(path: String)
        case failed(String)
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func url(named name: String) -> URL {
        directory.appendingPathComponent(name + ".txt")
    }

    /// Compares `lines` with the stored snapshot, or records them when asked or allowed.
    public func check(_ lines: [String], named name: String, record: Bool = false,
                      recordMissing: Bool = true) -> Outcome {
        let url = url(named: name)
        let exists = FileManager.default.fileExists(atPath: url.path)
        if record || (!exists && recordMissing) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(Self.fileText(lines).utf8).write(to: url)
                return .recorded(path: url.path)
            } catch {
                return .failed("could not record snapshot \(url.path): \(error)")
            }
        }
        guard exists else {
            return .failed("snapshot \"\(name)\" is missing (\(url.path)); record it with RECORD_SNAPSHOTS=1")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            return .failed("could not read snapshot \(url.path)")
        }
        let expected = Self.lines(ofFileText: text)
        guard let diff = Self.difference(expected: expected, actual: lines) else { return .matched }
        return .failed("snapshot \"\(name)\" differs (\(url.path)):\n\(diff)\n"
                       + "If the change is intended, re-run with RECORD_SNAPSHOTS=1 and commit the file.")
    }

    static func fileText(_ lines: [String]) -> String {
        lines.joined(separator: "\n") + "\n"
    }

    static func lines(ofFileText text: String) -> [String] {
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A readable description of how `actual` differs from `expected`, or nil when equal:
    /// the first differing line quoted both ways, then a short line-by-line listing.
    public static func difference(expected: [String], actual: [String]) -> String? {
        let differing = (0..<max(expected.count, actual.count)).filter { index in
            index >= expected.count || index >= actual.count || expected[index] != actual[index]
        }
        guard let first = differing.first else { return nil }
        func quoted(_ lines: [String], _ index: Int) -> String {
            index < lines.count ? "\"\(lines[index])\"" : "(no line)"
        }
        var out = "first difference at line \(first + 1) "
            + "(expected \(expected.count) lines, got \(actual.count)):\n"
            + "  expected: \(quoted(expected, first))\n"
            + "  actual:   \(quoted(actual, first))\n"
            + "lines that differ (- expected, + actual):"
        for index in differing.prefix(12) {
            let number = String(repeating: " ", count: max(0, 4 - String(index + 1).count)) + String(index + 1)
            out += "\n\(number) - \(quoted(expected, index))"
            out += "\n\(number) + \(quoted(actual, index))"
        }
        if differing.count > 12 { out += "\n     ... and \(differing.count - 12) more" }
        return out
    }
}
