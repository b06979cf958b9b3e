import Foundation
import TerminalUI

/// What one key cost: the time until its frame was out, and what reached the terminal.
struct KeySample {
    var milliseconds: Double
    var bytes: Int
    /// `write()` calls the app made for the frame; nil where they are not counted.
    var writes: Int?
}

/// Something that takes a key and shows the frame it leads to: the app on a pseudo-terminal
/// (`AppOnTerminal`) or inside this process (`BenchApp`).
protocol KeyPresser: AnyObject {
    func press(_ event: KeyEvent) throws -> KeySample
}

/// Keys typed in order, of which some are measured; the others bring the app into place (Home
/// before each G, `/` before the letters of a filter).
struct KeyRun {
    let title: String
    let keys: [String]
    var only: String?
    var skip: Set<String> = []

    func measures(_ key: String) -> Bool { !skip.contains(key) && (only.map { $0 == key } ?? true) }

    /// Types the keys into `presser` and returns the samples of the measured ones.
    func samples(on presser: KeyPresser, trace: Bool) throws -> [KeySample] {
        var samples: [KeySample] = []
        for name in keys {
            let sample = try presser.press(KeyChord.parse(name))
            guard measures(name) else { continue }
            if trace {
                print("  \(name) \(String(format: "%.2f", sample.milliseconds)) ms, \(sample.bytes) bytes"
                      + (sample.writes.map { ", \($0) writes" } ?? ""))
            }
            samples.append(sample)
        }
        return samples
    }
}

/// A screen to measure: the keys that open it in a freshly started app, then runs typed one
/// after the other, each starting where the previous one left the app.
struct KeyGroup {
    let title: String
    let setup: [String]
    let runs: [KeyRun]
}

/// The figures of one run: latency percentiles and what a key costs on the wire, over the keys
/// that drew something (a key at the end of a list draws nothing and is only counted).
struct KeySummary {
    let frames: Int
    let blank: Int
    let p50: Double
    let p99: Double
    let max: Double
    let bytesPerKey: Double
    let writesPerKey: Double

    init(_ samples: [KeySample]) {
        let drawn = samples.filter { $0.bytes > 0 }
        let times = drawn.map(\.milliseconds)
        frames = drawn.count
        blank = samples.count - drawn.count
        p50 = BenchFigures.percentile(times, 0.5)
        p99 = BenchFigures.percentile(times, 0.99)
        max = times.max() ?? 0
        bytesPerKey = drawn.isEmpty ? 0 : Double(drawn.map(\.bytes).reduce(0, +)) / Double(drawn.count)
        writesPerKey = drawn.isEmpty ? 0 : Double(drawn.compactMap(\.writes).reduce(0, +)) / Double(drawn.count)
    }
}
