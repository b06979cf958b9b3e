import Foundation

/// What Linux counts for a running process in /proc: memory, calls, and whether it is waiting
/// for input. `crm bench` reads them for the app it runs on a pseudo-terminal.
struct ProcessFigures {
    private let process: String

    init(processID: pid_t) { process = String(processID) }

    var peakResidentKilobytes: Int { number("VmHWM:", in: "status") }

    /// `write()` and similar calls made so far, by all threads (`syscw`).
    var writeCalls: Int { number("syscw:", in: "io") }
    /// `read()` and similar calls made so far (`syscr`).
    var readCalls: Int { number("syscr:", in: "io") }

    /// Whether the process is asleep in `poll`, as the app is between keys; nil when the
    /// kernel does not say where a process sleeps (`wchan` hidden).
    var isWaitingInPoll: Bool? {
        // The state follows the command name, which is in parentheses and may hold spaces.
        guard let stat = text("stat"), let end = stat.lastIndex(of: ")") else { return nil }
        guard stat[stat.index(after: end)...].split(separator: " ").first == "S" else { return false }
        guard let place = text("wchan"), !place.isEmpty, place != "0" else { return nil }
        return place.contains("poll")
    }

    /// A number from a "name: value" line of /proc/<process>/<file>; 0 when missing.
    private func number(_ name: String, in file: String) -> Int {
        let line = text(file)?.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
        return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) } ?? 0
    }

    private func text(_ file: String) -> String? {
        try? String(contentsOfFile: "/proc/\(process)/\(file)", encoding: .utf8)
    }
}
