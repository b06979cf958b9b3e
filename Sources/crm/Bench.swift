import ArgumentParser
import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// `crm bench`: measures what a person feels on a real database. It runs the app, this
/// binary, on a pseudo-terminal and times each key from its bytes written to the last byte of
/// its frame read back, with the bytes and `write()` calls the frame took; beside it, the
/// same keys inside this process (`AppController.send` on headless ncurses), which is the
/// app's own share. Also: cold start, the board's first open, a pasted filter word, typed-filter
/// queries, memory; with `--intake`, lead intake through a `crm serve` instead (`IntakeBench`).
/// Prints figures; asserts nothing.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print start-up, key-to-frame latency, bytes and writes per key, and memory figures.")

    @Option(help: "The database to measure (make one with: crm demo --scale large --db FILE).")
    var db: String

    @Option(help: "The crm user to run as.")
    var user = "admin"

    @Option(help: "Keypresses per measured key.")
    var repeats = 300

    @Option(name: .customLong("size"),
            help: "A terminal size to measure keys at, as COLUMNSxROWS; repeat for more (default: 80x24 and 120x40).")
    var sizes: [String] = []

    @Flag(help: "Print the time of every measured key, to find slow ones.")
    var trace = false

    @Flag(help: "Measure lead intake instead, through a crm serve it starts (writes leads: use a copy).")
    var intake = false

    @Option(help: "Seconds each intake load runs.")
    var intakeSeconds = 15

    @Option(help: "The page cache of the crm serve it starts, in megabytes (its --cache-megabytes).")
    var intakeCacheMegabytes = 24

    func run() throws {
        try CLIRunner.run {
            let sizes = try (self.sizes.isEmpty ? ["80x24", "120x40"] : self.sizes).map(Self.parseSize)
            print("crm bench on \(db) as \(user)")
            if intake {
                try IntakeBench(db: db, user: user, seconds: intakeSeconds, cacheMegabytes: intakeCacheMegabytes).run()
                return
            }
            try coldStart()
            try boardFirstFrame()
            try pastedFilter()
            try measureFilterQueries()
            for (columns, rows) in sizes {
                print("""

                    \(columns)x\(rows): through the terminal (key written → last byte of its frame read back) │ in-process (AppController.send)
                    """)
                for group in BenchKeys.groups(repeats: repeats) {
                    try measure(group, columns: columns, rows: rows)
                }
            }
        }
    }

    /// The time from starting the app on a terminal to the last byte of its first frame.
    private func coldStart() throws {
        var samples: [Double] = []
        for _ in 0..<7 {
            samples.append(try AppOnTerminal(database: db, user: user, columns: 80, rows: 24).firstFrameMilliseconds)
        }
        print(String(format: "cold start to first frame through the terminal (spawn → last byte, 7 runs): median %.1f ms, max %.1f ms",
                     BenchFigures.percentile(samples, 0.5), samples.max() ?? 0))
    }

    /// The Kanban board's first frame in a freshly started app (statuses, the totals of every
    /// column, the visible cards): `g o` typed, the `o` timed through the terminal; beside it
    /// the same frame in-process, the store's share of opening the board.
    private func boardFirstFrame() throws {
        var outside: [Double] = [], inside: [Double] = []
        for _ in 0..<7 {
            let app = try AppOnTerminal(database: db, user: user, columns: 80, rows: 24)
            _ = try app.press(KeyChord.parse("g"))
            outside.append(try app.press(KeyChord.parse("o")).milliseconds)
            let fresh = try BenchApp(path: db, login: user, columns: 80, rows: 24, section: .opportunities)
            inside.append(try fresh.press(KeyEvent(.resize)).milliseconds)
        }
        print(String(format: "board first open (fresh app, g o, 7 runs): median %.1f ms, max %.1f ms │ in-process median %.1f ms, max %.1f ms",
                     BenchFigures.percentile(outside, 0.5), outside.max() ?? 0, BenchFigures.percentile(inside, 0.5), inside.max() ?? 0))
    }

    /// A word pasted into the lead list's quick filter: "/novak" arriving in one write, timed to
    /// the last byte of the first page of its matches; Esc clears it before the next paste.
    private func pastedFilter() throws {
        let app = try AppOnTerminal(database: db, user: user, columns: 80, rows: 24)
        for key in ["g", "l"] { _ = try app.press(KeyChord.parse(key)) }
        var samples: [Double] = []
        for _ in 0..<7 {
            samples.append(try app.paste("/novak").milliseconds)
            _ = try app.press(KeyEvent(.escape))
        }
        print(String(format: "\"/novak\" pasted into the lead filter (one write → first page, 7 runs): median %.1f ms, max %.1f ms",
                     BenchFigures.percentile(samples, 0.5), samples.max() ?? 0))
    }

    /// One screen's keys through the terminal, then in-process, printed side by side.
    private func measure(_ group: KeyGroup, columns: Int, rows: Int) throws {
        var throughTerminal: [[KeySample]] = []
        var peakKilobytes = 0
        do {
            let app = try AppOnTerminal(database: db, user: user, columns: columns, rows: rows)
            throughTerminal = try samples(of: group, on: app)
            peakKilobytes = app.process.peakResidentKilobytes
        }
        let inProcess = try samples(of: group, on: BenchApp(path: db, login: user, columns: columns, rows: rows))
        print(String(format: "%@ (app's peak RSS %.1f MB)", group.title, Double(peakKilobytes) / 1024))
        for (run, (terminal, local)) in zip(group.runs, zip(throughTerminal, inProcess)) {
            let outside = KeySummary(terminal), inside = KeySummary(local)
            let blank = outside.blank > 0 ? " (\(outside.blank) drew nothing)" : ""
            print(String(format: "  %@ n=%4d  p50 %6.2f  p99 %6.2f  max %7.2f ms  %6.0f bytes/key  %5.1f writes/key │ p50 %6.2f  p99 %6.2f ms%@",
                         Self.padded(run.title, to: 38) as NSString, outside.frames, outside.p50, outside.p99, outside.max,
                         outside.bytesPerKey, outside.writesPerKey, inside.p50, inside.p99, blank as NSString))
        }
    }

    private func samples(of group: KeyGroup, on presser: KeyPresser) throws -> [[KeySample]] {
        for key in group.setup { _ = try presser.press(KeyChord.parse(key)) }
        return try group.runs.map { try $0.samples(on: presser, trace: trace) }
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
                let started = ContinuousClock.now
                matches = try opportunities.totalsByStatus(query).values.map(\.count).reduce(0, +)
                _ = try opportunities.page(query, .first, limit: 20)
                samples.append(BenchFigures.milliseconds(started.duration(to: .now)))
            }
                print(String(format: "filter %@ matches %7d  median %6.1f ms  max %6.1f ms",
                         Self.padded("\"\(filter)\"", to: 52) as NSString, matches, BenchFigures.percentile(samples, 0.5), samples.max() ?? 0))
        }
    }

    /// `text` followed by spaces up to `width` characters, never cut.
    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func parseSize(_ text: String) throws -> (columns: Int, rows: Int) {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 20, parts[1] >= 10, parts[0] <= 1000, parts[1] <= 1000 else {
            throw CLIError("--sizes takes COLUMNSxROWS, e.g. 80x24 (not \"\(text)\")", exitCode: 2)
        }
        return (parts[0], parts[1])
    }
}
