import CRMCore
import CRMServer
import CRMStore
import Foundation

/// The intake figures of `crm bench --intake`, measured the way a sender feels them: a real
/// `crm serve` process on loopback, driven by `HTTPLoad` from this process. It creates an API
/// key and many leads in the database it measures, so run it on a copy.
///
/// - Single POSTs at 8, 16 and 32 connections: durable leads a second and latency.
/// - NDJSON batches of 20,000 lines: leads a second, beside the plain-SQL floor
///   (scripts/bench/intake-floor.sh on a backup of the same database, when sqlite3 is there).
/// - The server's memory once it has taken 100,000 leads or more.
/// - Mixed load: single POSTs, batches and splitter runs together while three people save
///   every 200 ms: how long a save takes and how long the write lock makes a writer wait.
struct IntakeBench {
    let db: String
    let user: String
    let seconds: Int
    /// The server's page cache (`crm serve --cache-megabytes`); the floor gets the same.
    let cacheMegabytes: Int

    func run() throws {
        let database = try AppDatabase.open(path: db)
        let issued = try ApiKeyIssuer.create(ApiKeyDraft(name: "bench \(UUID().uuidString.prefix(8))", requestsPerMinute: 1_000_000),
                                             signed: false, in: database.apiKeys(actingAs: nil))
        let server = try ServerProcess(db: db, cacheMegabytes: cacheMegabytes)
        defer { server.stop() }
        let load = HTTPLoad(port: server.port)
        let auth = ["Authorization": "Bearer \(issued.plainKey)"]
        let run = String(UUID().uuidString.prefix(6))

        for connections in [8, 16, 32] {
            let outcome = load.run(connections: connections, for: .seconds(seconds)) { connection, number in
                HTTPLoad.post(path: "/api/v1/leads", contentType: "application/json", headers: auth,
                              body: Array(BenchLeads.json(run: "\(run)-\(connections)-\(connection)", number: number).utf8))
            }
            report("single POSTs, \(connections) connections", outcome)
        }
        var batchRates: [Double] = []
        for index in 0..<3 {
            let body = BenchLeads.ndjson(run: "\(run)-batch\(index)", count: 20_000)
            let answer = try load.once(HTTPLoad.post(path: "/api/v1/leads/batch", contentType: "application/x-ndjson",
                                                     headers: auth, body: body))
            guard answer.status == 200 else { throw CLIError("the batch was answered \(answer.status)") }
            batchRates.append(20_000 / BenchFigures.seconds(answer.took))
        }
        print("NDJSON batch of 20,000 leads: " + batchRates.map { String(format: "%.0f", $0) }.joined(separator: ", ") + " leads/s")
        try printFloor(database)
        let leads = try database.leads(actingAs: nil).count(LeadQuery(view: .all), cap: 10_000_000).value
        print(String(format: "crm serve memory: RSS %.1f MB, peak %.1f MB (database holds %d leads)",
                     server.kilobytes("VmRSS:") / 1024, server.kilobytes("VmHWM:") / 1024, leads))
        try mixedLoad(database, load: load, auth: auth, run: run)
    }

    /// Single POSTs (8 connections), back-to-back batches and splitter runs over the new leads,
    /// while three people save an account every 200 ms through the store, as the app does, and
    /// a probe takes the write lock every 50 ms: how long a save takes and how long the lock
    /// makes a writer wait.
    private func mixedLoad(_ database: AppDatabase, load: HTTPLoad, auth: [String: String], run: String) throws {
        let splitter = try splitterFilter(database, run: run)
        let stop = StopFlag()
        let batches = Thread.detachedLoop(until: stop) { round in
            _ = try? load.once(HTTPLoad.post(path: "/api/v1/leads/batch", contentType: "application/x-ndjson", headers: auth,
                                             body: BenchLeads.ndjson(run: "\(run)-mixed\(round)", count: 2_000)))
        }
        let split = SplitterLoop(splitter)
        let splitting = Thread.detachedLoop(until: stop) { _ in split.runOnce() }
        let savers = try (0..<3).map { index in try BenchSaver(path: db, login: user, index: index) }
        let saving = savers.map { saver in Thread.detachedLoop(until: stop) { _ in
            saver.save()
            Thread.sleep(forTimeInterval: 0.2)
        } }
        let probe = try LockProbe(path: db)
        let probing = Thread.detachedLoop(until: stop) { _ in
            probe.sample()
            Thread.sleep(forTimeInterval: 0.05)
        }
        let singles = load.run(connections: 8, for: .seconds(seconds)) { connection, number in
            HTTPLoad.post(path: "/api/v1/leads", contentType: "application/json", headers: auth,
                          body: Array(BenchLeads.json(run: "\(run)-mixed-\(connection)", number: number).utf8))
        }
        stop.set()
        [batches, splitting, probing].forEach { $0.wait() }
        saving.forEach { $0.wait() }
        report("mixed: single POSTs, 8 connections", singles)
        let saves = savers.flatMap(\.latencies)
        let failures = savers.map(\.failures).reduce(0, +)
        print(String(format: "mixed: app saves n=%d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  failed %d",
                     saves.count, BenchFigures.percentile(saves, 0.5), BenchFigures.percentile(saves, 0.99), saves.max() ?? 0, failures))
        print(String(format: "mixed: write-lock wait n=%d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms",
                     probe.waits.count, BenchFigures.percentile(probe.waits, 0.5), BenchFigures.percentile(probe.waits, 0.99),
                     probe.waits.max() ?? 0))
        print("mixed: splitter runs \(split.runs), \(split.processed) leads shared in \(split.transactions) transactions"
              + (split.failure.map { ", then failed: \($0)" } ?? ""))
    }

    /// A splitter filter that shares the bench's German leads between two users, so the mixed
    /// load's splitter runs have work.
    private func splitterFilter(_ database: AppDatabase, run: String) throws -> LeadSplitterRepository {
        let users = try database.users.list()
        guard let actor = users.first(where: { $0.login == user }), users.count >= 2 else {
            throw CLIError("the mixed load needs the user \(user) and one more user in the database")
        }
        let splitter = database.leadSplitter(actingAs: actor)
        _ = try splitter.create(LeadSplitFilterDraft(
            name: "bench \(run)", filter: "country:de",
            shares: [LeadShare(userID: users[0].id, percent: 50), LeadShare(userID: users[1].id, percent: 50)]))
        return splitter
    }

    private func printFloor(_ database: AppDatabase) throws {
        let script = URL(fileURLWithPath: "scripts/bench/intake-floor.sh")
        guard FileManager.default.isExecutableFile(atPath: script.path),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            print("plain-SQL floor: skipped (run from the repository with sqlite3 installed)")
            return
        }
        let copy = NSTemporaryDirectory() + "crm-bench-floor-\(getpid()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        for chunk in [2_000, 50] {
            try database.backup(to: copy) { _ in }
            let process = Process()
            process.executableURL = script
            process.arguments = [copy, chunk == 2_000 ? "10" : "400", "\(chunk)", "\(cacheMegabytes)", "end"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            print("plain-SQL floor, \(chunk) leads a transaction: " + text.trimmingCharacters(in: .whitespacesAndNewlines))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
    }

    private func report(_ title: String, _ outcome: HTTPLoad.Outcome) {
        let milliseconds = outcome.latencies.map { BenchFigures.seconds($0) * 1000 }
        let created = outcome.statuses[201, default: 0]
        let other = outcome.statuses.filter { $0.key != 201 }.map { "\($0.value)×\($0.key)" }.sorted().joined(separator: " ")
        print(String(format: "%-38@ %6.0f leads/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms%@",
                     title as NSString, Double(created) / max(BenchFigures.seconds(outcome.elapsed), 1e-9),
                     BenchFigures.percentile(milliseconds, 0.5), BenchFigures.percentile(milliseconds, 0.99), milliseconds.max() ?? 0,
                     (other.isEmpty && outcome.failures.isEmpty ? "" : "  other: \(other) \(outcome.failures.count) errors") as NSString))
    }
}

/// A person saving in the app: every call changes one account's note through the store, as
/// the account form does, on a connection of its own, and records how long the save took.
private final class BenchSaver: @unchecked Sendable {
    private let accounts: AccountRepository
    private let accountID: Int64
    private(set) var latencies: [Double] = []
    private(set) var failures = 0

    init(path: String, login: String, index: Int) throws {
        let database = try AppDatabase.open(path: path)
        accounts = database.accounts(actingAs: try CLIRunner.resolveUser(login, in: database, path: path))
        let page = try accounts.page(AccountQuery(), .first, limit: 10)
        guard page.count > index else { throw CLIError("the database has too few accounts for the mixed load") }
        accountID = page[index].id
    }

    func save() {
        let started = ContinuousClock.now
        do {
            let account = try accounts.get(id: accountID)
            var fields = account.fields
            fields.note = "bench save \(latencies.count)"
            _ = try accounts.update(id: accountID, with: fields, expectedVersion: account.version)
            latencies.append(BenchFigures.seconds(.now - started) * 1000)
        } catch {
            failures += 1
        }
    }
}

/// Runs every splitter filter again and again, as a person pressing "run" would.
private final class SplitterLoop: @unchecked Sendable {
    private let splitter: LeadSplitterRepository
    private(set) var runs = 0
    private(set) var processed = 0
    private(set) var transactions = 0
    private(set) var failure: String?

    init(_ splitter: LeadSplitterRepository) { self.splitter = splitter }

    func runOnce() {
        guard failure == nil else { return Thread.sleep(forTimeInterval: 0.2) }
        do {
            let report = try splitter.runAll()
            runs += 1
            processed += report.processed
            transactions += report.batches
        } catch {
            failure = "\(error)"
        }
        Thread.sleep(forTimeInterval: 0.2)
    }
}

/// Takes the write lock now and then on a connection of its own and records how long that took.
private final class LockProbe: @unchecked Sendable {
    private let database: AppDatabase
    private(set) var waits: [Double] = []

    init(path: String) throws { database = try AppDatabase.open(path: path) }

    func sample() {
        if let took = try? database.timeToTakeWriteLock() { waits.append(BenchFigures.seconds(took) * 1000) }
    }
}

/// `crm serve` started from this binary on a free loopback port.
private final class ServerProcess {
    let port: UInt16
    private let process = Process()

    init(db: String, cacheMegabytes: Int) throws {
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--db", db, "--listen", "127.0.0.1:\(port)", "--cache-megabytes", "\(cacheMegabytes)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while (try? HTTPLoad(port: port).once(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))) == nil {
            guard ContinuousClock.now < deadline, process.isRunning else { throw CLIError("crm serve did not start") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func kilobytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix(field) } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }

    private static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw CLIError("no free port on 127.0.0.1") }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// Leads as a web form sends them: random syllable names, a unique e-mail, every other one with
/// an external id (like scripts/bench/intake-batch.py).
enum BenchLeads {
    private static let syllables = ["ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "de", "po", "an", "el", "or", "us", "ba", "ze"]

    static func json(run: String, number: Int) -> String {
        var generator = SplitMix64(seed: run.utf8.reduce(UInt64(number)) { $0 &* 31 &+ UInt64($1) })
        func word() -> String { (0..<4).map { _ in syllables[Int(generator.next() % 16)] }.joined().capitalized }
        let last = word()
        let external = number % 2 == 0 ? ",\"external_id\":\"bench-\(run)-\(number)\"" : ""
        return "{\"first_name\":\"\(word())\",\"last_name\":\"\(last)\",\"company\":\"\(word()) GmbH\",\"job_title\":\"Head of Sales\","
            + "\"email\":\"\(last.lowercased()).\(run).\(number)@batch.example\",\"phone\":\"+49 30 \(1_000_000 + generator.next() % 8_999_999)\","
            + "\"country\":\"DE\",\"value\":\"\(500 + generator.next() % 49_500)\",\"currency\":\"EUR\",\"source\":\"bench\","
            + "\"utm_source\":\"ndjson\",\"utm_medium\":\"cpc\"\(external)}"
    }

    static func ndjson(run: String, count: Int) -> [UInt8] {
        Array((0..<count).map { json(run: run, number: $0) }.joined(separator: "\n").utf8)
    }
}

/// Tells background loops to stop.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    func set() { lock.withLock { stopped = true } }
    var isSet: Bool { lock.withLock { stopped } }
}

private extension Thread {
    /// Runs `body(round)` on a new thread until `stop` is set; `wait()` on the result waits for it.
    static func detachedLoop(until stop: StopFlag, _ body: @escaping @Sendable (Int) -> Void) -> DispatchGroup {
        let group = DispatchGroup()
        group.enter()
        detachNewThread {
            var round = 0
            while !stop.isSet {
                body(round)
                round += 1
            }
            group.leave()
        }
        return group
    }
}
