import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import TerminalUICurses

/// `crm bench`: measures what a person feels — start-up, key-to-frame latency, bytes sent to
/// the terminal, memory — on a real database, through the real ncurses backend (headless,
/// writing to a file so every byte can be counted). Prints figures; asserts nothing.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print start-up, key-to-frame latency, bytes per key and memory figures.")

    @Option(help: "The database to measure (make one with: crm demo --scale large --db FILE).")
    var db: String

    @Option(help: "The crm user to run as.")
    var user = "admin"

    @Option(help: "Keypresses per measured key.")
    var repeats = 300

    @Flag(help: "Print the time of every measured key, to find slow ones.")
    var trace = false

    @Flag(help: "Internal: open the app, draw the first frame and exit (used to time a cold start).")
    var firstFrameOnly = false

    @Flag(help: "Measure lead intake instead, through a crm serve it starts (writes leads: use a copy).")
    var intake = false

    @Option(help: "Seconds each intake load runs.")
    var intakeSeconds = 15

    func run() throws {
        try CLIRunner.run {
            if firstFrameOnly {
                let bench = try BenchApp(path: db, login: user, columns: 80, rows: 24)
                bench.app.send(KeyEvent(.resize))
                return
            }
            print("crm bench on \(db) as \(user)")
            if intake {
                try IntakeBench(db: db, user: user, seconds: intakeSeconds).run()
                return
            }
            try coldStart()
            let bench = try BenchApp(path: db, login: user, columns: 80, rows: 24)
            bench.app.send(try KeyChord.parse("g"))
            bench.app.send(try KeyChord.parse("p"))
            print(String(format: "contacts list open, RSS %.1f MB", Double(Self.currentRSSKilobytes()) / 1024))
            try measure(bench, "j (cursor down)", keys: Array(repeating: "j", count: repeats))
            try measure(bench, "k (cursor up)", keys: Array(repeating: "k", count: repeats))
            try measure(bench, "PgDn", keys: Array(repeating: "PgDn", count: repeats))
            try measure(bench, "G (jump to end)", keys: Array(repeating: ["Home", "G"], count: repeats / 10).flatMap { $0 },
                        only: "G")
            let filterKeys = ["/"] + ["m", "a", "r", "i", "e", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace",
                                      "n", "o", "v", "Backspace", "Backspace", "Backspace",
                                      "s", "c", "h", "Backspace", "Backspace", "Backspace"]
            try measure(bench, "quick-filter keystroke", keys: Array(repeating: filterKeys + ["Esc"], count: max(1, repeats / 25)).flatMap { $0 },
                        skip: ["/", "Esc"])
            try measureBoard()
            try measureOpportunityList()
            try measureFilterQueries()
            try measureLeads()
            print(String(format: "peak RSS: %.1f MB", Double(Self.peakRSSKilobytes()) / 1024))
        }
    }

    /// The Kanban board (OP-3): the first frame of a freshly opened app showing the board
    /// (statuses, totals of every column, the visible cards), then key-to-frame for moving
    /// between columns and cards.
    private func measureBoard() throws {
        var samples: [Double] = []
        for _ in 0..<7 {
            let fresh = try BenchApp(path: db, login: user, columns: 80, rows: 24, section: .opportunities)
            let started = DispatchTime.now().uptimeNanoseconds
            fresh.app.send(KeyEvent(.resize))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        samples.sort()
        print(String(format: "board first frame (fresh connection, 7 runs): median %.1f ms, max %.1f ms",
                     samples[samples.count / 2], samples.last!))
        let bench = try BenchApp(path: db, login: user, columns: 80, rows: 24, section: .opportunities)
        bench.app.send(KeyEvent(.resize))
        let across = Array(repeating: Array(repeating: "l", count: 5) + Array(repeating: "h", count: 5), count: max(1, repeats / 10))
            .flatMap { $0 }
        try measure(bench, "board l (next column)", keys: across, only: "l")
        try measure(bench, "board h (prev column)", keys: across, only: "h")
        try measure(bench, "board j (next card)", keys: Array(repeating: "j", count: repeats))
        try measure(bench, "board k (prev card)", keys: Array(repeating: "k", count: repeats))
    }

    /// The opportunity list (OP-3): key-to-frame for j, PgDn and G, plain and grouped by status.
    private func measureOpportunityList() throws {
        let bench = try BenchApp(path: db, login: user, columns: 80, rows: 24, section: .opportunities)
        bench.app.send(try KeyChord.parse("Tab"))
        try measure(bench, "opp. list j", keys: Array(repeating: "j", count: repeats))
        try measure(bench, "opp. list PgDn", keys: Array(repeating: "PgDn", count: repeats))
        try measure(bench, "opp. list G", keys: Array(repeating: ["Home", "G"], count: max(1, repeats / 10)).flatMap { $0 },
                    only: "G")
        bench.app.send(try KeyChord.parse("b"))
        try measure(bench, "opp. grouped j", keys: Array(repeating: "j", count: repeats))
        try measure(bench, "opp. grouped PgDn", keys: Array(repeating: "PgDn", count: repeats))
    }

    /// The lead list (LD-2) and the lead pages (LD-3): key-to-frame for j, PgDn, G, switching
    /// views and typing a filter; then the first frame of each page (the key that opens it, with
    /// its reads), fresh each time.
    private func measureLeads() throws {
        let bench = try BenchApp(path: db, login: user, columns: 80, rows: 24, section: .leads)
        bench.app.send(KeyEvent(.resize))
        try measure(bench, "lead list j", keys: Array(repeating: "j", count: repeats))
        try measure(bench, "lead list PgDn", keys: Array(repeating: "PgDn", count: repeats))
        try measure(bench, "lead list G", keys: Array(repeating: ["Home", "G"], count: max(1, repeats / 10)).flatMap { $0 },
                    only: "G")
        try measure(bench, "lead view switch (1–7)", keys: Array(repeating: ["2", "3", "4", "5", "6", "7", "1"],
                                                                 count: max(1, repeats / 35)).flatMap { $0 })
        try measure(bench, "lead view switch (Tab to Closed, All)", keys: Array(repeating: ["7", "Tab", "Tab"], count: 10).flatMap { $0 },
                    only: "Tab")
        bench.app.send(try KeyChord.parse("1"))
        let filterKeys = ["/", "m", "u", "e", "l", "Backspace", "Backspace", "Backspace", "Backspace", "Esc"]
        try measure(bench, "lead filter keystroke", keys: Array(repeating: filterKeys, count: max(1, repeats / 20)).flatMap { $0 },
                    skip: ["/", "Esc"])
        for (title, key) in [("intraday", "8"), ("statistics", "9"), ("conversions", "0")] {
            try measure(bench, "lead \(title) first frame", keys: Array(repeating: [key, "1"], count: 15).flatMap { $0 }, only: key)
        }
        bench.app.send(try KeyChord.parse("9"))
        try measure(bench, "lead statistics period", keys: Array(repeating: "p", count: 40))
        try measure(bench, "lead statistics group", keys: Array(repeating: "b", count: 30))
        // Go to (C-p) searches every kind of record, a million leads among them.
        let gotoKeys = ["C-p", "m", "u", "e", "l", "Backspace", "Backspace", "Backspace", "Backspace", "Esc"]
        try measure(bench, "go-to keystroke", keys: Array(repeating: gotoKeys, count: max(1, repeats / 20)).flatMap { $0 },
                    skip: ["C-p", "Esc"])
    }

    /// Typed filters (FI-2) over every opportunity: the totals per status and currency (which
    /// hold the count) and the first page, as the board and the grouped list read them.
    private func measureFilterQueries() throws {
        let database = try AppDatabase.open(path: db)
        let opportunities = database.opportunities(actingAs: try CLIRunner.resolveUser(user, in: database, path: db))
        let filters = [
            "status:open owner:jan amount>=10000 close<2027-01-01",
            "tag:won close:this-year",
            "amount>=50000 currency:USD -tag:lost",
            "status:negotiation OR status:proposal",
            "renewal",
        ]
        for filter in filters {
            var samples: [Double] = []
            var matches = 0
            for _ in 0..<9 {
                let query = OpportunityQuery(filter: filter)
                let started = DispatchTime.now().uptimeNanoseconds
                matches = try opportunities.totalsByStatus(query).values.map(\.count).reduce(0, +)
                _ = try opportunities.page(query, .first, limit: 20)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            }
            samples.sort()
            print(String(format: "filter %-52@ matches %7d  median %6.1f ms  max %6.1f ms",
                         "\"\(filter)\"" as NSString, matches, samples[samples.count / 2], samples.last!))
        }
    }

    /// Starts this binary with --first-frame-only a few times and reports the wall time.
    private func coldStart() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
        var samples: [Double] = []
        for _ in 0..<7 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["bench", "--db", db, "--user", user, "--first-frame-only"]
            let started = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CLIError("the first-frame run failed") }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        samples.sort()
        print(String(format: "cold start to first frame (process start → frame written, 7 runs): median %.1f ms, max %.1f ms",
                     samples[samples.count / 2], samples.last!))
    }

    func measure(_ bench: BenchApp, _ title: String, keys: [String], only: String? = nil,
                         skip: Set<String> = []) throws {
        var latencies: [Double] = []
        var bytes: [Int] = []
        for name in keys {
            let event = try KeyChord.parse(name)
            let before = bench.bytesWritten
            let started = DispatchTime.now().uptimeNanoseconds
            bench.app.send(event)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if skip.contains(name) || (only != nil && name != only) { continue }
            if trace { print(String(format: "  %@ %.2f ms", name, elapsed)) }
            latencies.append(elapsed)
            bytes.append(bench.bytesWritten - before)
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2]
        let p99 = latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.99))]
        let meanBytes = Double(bytes.reduce(0, +)) / Double(max(1, bytes.count))
        print(String(format: "%-24@ n=%4d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  bytes/key %6.0f  RSS %5.1f MB",
                     title as NSString, latencies.count, p50, p99, latencies.last!, meanBytes,
                     Double(Self.currentRSSKilobytes()) / 1024))
    }

    static func peakRSSKilobytes() -> Int { statusField("VmHWM:") }
    static func currentRSSKilobytes() -> Int { statusField("VmRSS:") }

    /// A kilobyte figure from /proc/self/status.
    private static func statusField(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}

/// The app on a headless ncurses screen whose output goes to a file, so bytes can be counted.
final class BenchApp {
    let app: AppController
    private let outputPath: String

    init(path: String, login: String, columns: Int, rows: Int, section: Section = .accounts) throws {
        outputPath = NSTemporaryDirectory() + "crm-bench-\(getpid()).out"
        let database = try AppDatabase.open(path: path)
        let user = try CLIRunner.resolveUser(login, in: database, path: path)
        let terminal = try CursesTerminal(headlessColumns: columns, rows: rows, outputPath: outputPath)
        let keymap = try KeymapSetup.load(set: "default")
        app = AppController(terminal: terminal, session: try AppSession(database: database, user: user),
                            bindings: KeyBindings(keymap: keymap), startSection: section)
    }

    deinit { try? FileManager.default.removeItem(atPath: outputPath) }

    var bytesWritten: Int {
        (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
    }
}
