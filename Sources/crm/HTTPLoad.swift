import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 load generator for `crm bench`: keep-alive connections to a server on this
/// machine, each on its own thread, sending requests back to back and timing every answer. It
/// is what a marketing tool does to `crm serve`, measured from outside the server's process.
struct HTTPLoad {
    /// What a run of requests got back.
    struct Outcome {
        var latencies: [Duration] = []
        var statuses: [Int: Int] = [:]
        var failures: [String] = []
        var elapsed: Duration = .zero

        mutating func add(_ other: Outcome) {
            latencies += other.latencies
            statuses.merge(other.statuses, uniquingKeysWith: +)
            failures += other.failures
        }

        /// Answers per second over the run.
        var rate: Double { Double(latencies.count) / max(BenchFigures.seconds(elapsed), 1e-9) }
    }

    let port: UInt16

    /// Sends requests on `connections` connections until `duration` has passed; `request` makes
    /// the bytes of request `number` on connection `connection`.
    func run(connections: Int, for duration: Duration,
             request: @escaping @Sendable (_ connection: Int, _ number: Int) -> [UInt8]) -> Outcome {
        let results = ResultsBox()
        let group = DispatchGroup()
        let started = ContinuousClock.now
        let deadline = started + duration
        for connection in 0..<connections {
            group.enter()
            Thread.detachNewThread { [port] in
                var outcome = Outcome()
                var socket: Connection?
                var number = 0
                while ContinuousClock.now < deadline {
                    do {
                        if socket == nil { socket = try Connection(port: port) }
                        let sent = ContinuousClock.now
                        let status = try socket!.exchange(request(connection, number))
                        outcome.latencies.append(.now - sent)
                        outcome.statuses[status, default: 0] += 1
                        number += 1
                    } catch {
                        outcome.failures.append("\(error)")
                        socket = nil
                        if outcome.failures.count > 100 { break }
                    }
                }
                results.add(outcome)
                group.leave()
            }
        }
        group.wait()
        var total = results.total
        total.elapsed = .now - started
        return total
    }

    /// Sends one request on a new connection and returns its status and time.
    func once(_ bytes: [UInt8]) throws -> (status: Int, took: Duration) {
        let connection = try Connection(port: port)
        let sent = ContinuousClock.now
        let status = try connection.exchange(bytes)
        return (status, .now - sent)
    }

    /// The bytes of a POST with `body`.
    static func post(path: String, contentType: String, headers: [String: String] = [:], body: [UInt8]) -> [UInt8] {
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    private final class ResultsBox: @unchecked Sendable {
        private let lock = NSLock()
        private var outcome = Outcome()
        func add(_ part: Outcome) { lock.withLock { outcome.add(part) } }
        var total: Outcome { lock.withLock { outcome } }
    }
}

/// One keep-alive TCP connection to 127.0.0.1 that sends a request and reads its whole answer.
private final class Connection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Writes `request` and reads the answer; returns its status code.
    func exchange(_ request: [UInt8]) throws -> Int {
        var offset = 0
        while offset < request.count {
            let written = request[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write: errno \(errno)") }
            offset += written
        }
        let headerEnd = try readUntilHeaderEnd()
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure(description: "unreadable answer: \(head.prefix(80))")
        }
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while buffer.count < headerEnd + 4 + length { try fill() }
        buffer.removeFirst(headerEnd + 4 + length)
        return status
    }

    private func readUntilHeaderEnd() throws -> Int {
        let marker: [UInt8] = [13, 10, 13, 10]
        var searched = 0
        while true {
            if buffer.count >= 4 {
                for start in max(0, searched - 3)...(buffer.count - 4) where buffer[start..<start + 4].elementsEqual(marker) {
                    return start
                }
                searched = buffer.count
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { throw Failure(description: count == 0 ? "the server closed the connection" : "read: errno \(errno)") }
        buffer += chunk[..<count]
    }
}
