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

/// Bodies a client garbles over a real socket get a 4xx answer, never a 500.
final class IntakeChunkedBodyTests: XCTestCase {
    private func post(_ body: String, bench: IntakeBench, key: String) async throws -> String {
        try await bench.application.test(.live) { client in
            let connection = try RawConnection(port: try XCTUnwrap(client.port))
            try connection.send("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(key)\r\n"
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            return connection.answer(within: 2)
        }
    }

    func testAMalformedChunkedBodyGets400() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        let answer = try await post("5\r\n{\"com\r\nZZ\r\nnot a chunk\r\n\r\n", bench: bench, key: key.plainKey)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400"), answer)
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testAChunkedBodyOverTheCapGets413() async throws {
        let bench = try IntakeBench { $0.singleBodyLimit = 1_024 }
        let key = try bench.key("Web")
        let chunk = String(repeating: "x", count: 600)
        let answer = try await post("258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n", bench: bench, key: key.plainKey)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), answer)
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }
}

/// One client cannot hold every connection: past its share, new connections are closed at once,
/// and a place freed is taken by the next connection.
final class IntakeConnectionCapTests: XCTestCase {
    func testConnectionsPastTheCapAreClosedAtOnceAndFreedPlacesAreServed() async throws {
        let bench = try IntakeBench { $0.maxConnectionsPerAddress = 3 }
        let key = try bench.key("Web")
        try await bench.application.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var idle = try (0..<3).map { _ in try RawConnection(port: port) }
            try idle.forEach { try $0.send("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n") }
            let refused = try RawConnection(port: port)
            XCTAssertTrue(refused.waitForClose(within: 1), "a fourth connection from one address was kept")
            idle.removeFirst()  // closes it
            try await Task.sleep(for: .milliseconds(100))
            let body = #"{"company": "Kestrel"}"#
            let served = try RawConnection(port: port)
            try served.send("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(key.plainKey)\r\n"
                            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
            let answer = served.answer(within: 2)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 201"), answer)
        }
        XCTAssertEqual(try bench.counts(), [1, 1, 0])
    }
}
