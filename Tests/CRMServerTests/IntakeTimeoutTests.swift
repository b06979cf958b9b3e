@testable import CRMServer
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Slow clients over a real socket (LP-1): a client that never finishes its headers or that
/// trickles its body is dropped after the configured timeout instead of holding a connection.
final class IntakeTimeoutTests: XCTestCase {
    func testAClientThatNeverFinishesItsHeadersIsDropped() async throws {
        let bench = try IntakeBench()
        try await bench.application.test(.live) { client in
            let connection = try RawConnection(port: try XCTUnwrap(client.port))
            try connection.send("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl")
            let started = Date()
            XCTAssertTrue(connection.waitForClose(within: 3), "the server kept a half-sent request open")
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.2)
        }
    }

    func testAClientTricklingItsBodyIsDroppedAtTheBodyDeadline() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        try await bench.application.test(.live) { client in
            let connection = try RawConnection(port: try XCTUnwrap(client.port))
            try connection.send("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(key.plainKey)\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
            let started = Date()
            var closed = false
            // One byte every 50 ms keeps the idle timer (300 ms) from ever firing; only the body
            // deadline (200 ms after the headers) can end this.
            for _ in 0..<40 where !closed {
                closed = connection.waitForClose(within: 0.05)
                if !closed { try? connection.send(" ") }
            }
            XCTAssertTrue(closed, "a trickling body kept the connection")
            XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }
}

/// A plain TCP client, to behave as badly as a test needs.
private final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Whether the server closed the connection within `seconds` (reading and dropping any answer).
    func waitForClose(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let wait = max(1, Int32(deadline.timeIntervalSinceNow * 1_000))
            guard poll(&descriptor, 1, wait) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return true }
        }
        return false
    }
}
