import CRMCore
@testable import CRMServer
import CRMStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The intake routes through Hummingbird's router test client (LP-1, LP-2): authentication,
/// signatures, idempotency, limits, bad bodies, batches — and after every refusal, no trace
/// in leads, payloads or receipts.
final class IntakeEndpointTests: XCTestCase {
    func testOnlyALiveKeyMayPostInTheHeaderOrThePath() async throws {
        let bench = try IntakeBench()
        let live = try bench.key("Web")
        let revoked = try bench.key("Old")
        _ = try bench.db.apiKeys(actingAs: nil).revoke(name: "Old")
        try await bench.application.test(.router) { client in
            let lead = #"{"company": "Kestrel"}"#
            var response = try await client.post("/api/v1/leads", json: lead, key: nil)
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(response.error, "Send the API key as Authorization: Bearer KEY.")
            XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer")
            response = try await client.post("/api/v1/leads", json: lead, key: "crm_wrong")
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(response.error, "The API key is unknown or was revoked.")
            response = try await client.post("/api/v1/leads", json: lead, key: revoked.plainKey)
            XCTAssertEqual(response.status, .unauthorized)
            response = try await client.post("/api/v1/lead-capture/crm_wrong", json: lead, key: nil)
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(try bench.counts(), [0, 0, 0])

            response = try await client.post("/api/v1/leads", json: lead, key: live.plainKey)
            XCTAssertEqual(response.status, .created)
            let first = try XCTUnwrap(response.id)
            response = try await client.post("/api/v1/lead-capture/\(live.plainKey)",
                                             Array("company=Kestrel+Two".utf8), contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(response.status, .created)
            XCTAssertEqual(try bench.lead(try XCTUnwrap(response.id)).company, "Kestrel Two")
            XCTAssertEqual(try bench.lead(first).history.apiKeyID, live.key.id)
        }
        XCTAssertEqual(try bench.counts(), [2, 2, 0])
    }

    func testSignedKeysNeedAFreshMatchingSignature() async throws {
        let bench = try IntakeBench()
        let signed = try bench.key("Signed", signed: true)
        let secret = try XCTUnwrap(signed.signingSecret)
        let body = Array(#"{"company": "Signed Ltd"}"#.utf8)
        let now = Int(IntakeBench.now.timeIntervalSince1970)
        @Sendable func headers(_ timestamp: Int, _ signature: String) -> [String: String] {
            ["X-CRM-Timestamp": String(timestamp), "X-CRM-Signature": signature]
        }
        try await bench.application.test(.router) { client in
            var response = try await client.post("/api/v1/leads", body, key: signed.plainKey)
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertTrue(response.error.contains("requires signed requests"), response.error)
            let forged = RequestSignature.sign(body, timestamp: now, secret: "not the secret")
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: headers(now, forged))
            XCTAssertEqual(response.error, "The signature does not match the body and timestamp.")
            let stale = RequestSignature.sign(body, timestamp: now - 301, secret: secret)
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: headers(now - 301, stale))
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(response.error, "X-CRM-Timestamp is 301 seconds old; this key accepts 300 seconds either way.")
            let altered = RequestSignature.sign(body + [0x20], timestamp: now, secret: secret)
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: headers(now, altered))
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(try bench.counts(), [0, 0, 0])

            let good = RequestSignature.sign(body, timestamp: now - 299, secret: secret)
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: headers(now - 299, good))
            XCTAssertEqual(response.status, .created, response.error)

            // The same signed request again, inside its window, is a replay, not a second lead.
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: headers(now - 299, good))
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertTrue(response.error.contains("received already"), response.error)

            // The Idempotency-Key is signed too: it cannot be added to, or swapped on, a signed request.
            let unkeyed = RequestSignature.sign(body, timestamp: now, secret: secret)
            var keyed = headers(now, unkeyed)
            keyed["Idempotency-Key"] = "order-7"
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: keyed)
            XCTAssertEqual(response.error, "The signature does not match the body, timestamp and Idempotency-Key.")
            keyed["X-CRM-Signature"] = RequestSignature.sign(body, timestamp: now, idempotencyKey: "order-7", secret: secret)
            response = try await client.post("/api/v1/leads", body, key: signed.plainKey, headers: keyed)
            XCTAssertEqual(response.status, .created, response.error)
        }
        XCTAssertEqual(try bench.counts(), [2, 2, 1])
    }

    func testARetryGetsTheSameIdAndMakesNoSecondLead() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        try await bench.application.test(.router) { client in
            let lead = #"{"company": "Kestrel"}"#
            let first = try await client.post("/api/v1/leads", json: lead, key: key.plainKey, headers: ["Idempotency-Key": "order-1"])
            let retry = try await client.post("/api/v1/leads", json: lead, key: key.plainKey, headers: ["Idempotency-Key": "order-1"])
            XCTAssertEqual(first.status, .created)
            XCTAssertEqual(retry.status, .ok)
            XCTAssertEqual(retry.id, first.id)
            XCTAssertEqual(retry.json["replayed"] as? Bool, true)
            XCTAssertEqual(retry.headers[HTTPField.Name("Idempotent-Replayed")!], "true")

            let external = #"{"company": "Osprey", "external_id": "hs-77"}"#
            let one = try await client.post("/api/v1/leads", json: external, key: key.plainKey)
            let two = try await client.post("/api/v1/leads", json: external, key: key.plainKey)
            XCTAssertEqual(two.status, .ok)
            XCTAssertEqual(two.id, one.id)
        }
        XCTAssertEqual(try bench.counts(), [2, 2, 2])
    }

    func testBodiesOverTheCapAreRefusedWith413() async throws {
        let bench = try IntakeBench { $0.singleBodyLimit = 1_024 }
        let key = try bench.key("Web")
        try await bench.application.test(.router) { client in
            let big = #"{"company": "Big", "description": ""# + String(repeating: "x", count: 1_024) + #""}"#
            let response = try await client.post("/api/v1/leads", json: big, key: key.plainKey)
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(response.error, "The body is larger than 1024 bytes.")
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testMalformedBodiesAreRefusedWithTheirPosition() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        try await bench.application.test(.router) { client in
            var response = try await client.post("/api/v1/leads", json: "{\"company\": \"A\",\n  \"email\" 5}", key: key.plainKey)
            XCTAssertEqual(response.status, .badRequest)
            let position = try XCTUnwrap(response.json["position"] as? [String: Int])
            XCTAssertEqual(position["line"], 2)
            XCTAssertEqual(position["column"], 11)
            response = try await client.post("/api/v1/leads", Array("company=A&email=%zz".utf8), contentType: "application/x-www-form-urlencoded",
                                             key: key.plainKey)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual((response.json["position"] as? [String: Int])?["offset"], 16)
            XCTAssertEqual(response.error, "% must be followed by two hex digits.")
            response = try await client.post("/api/v1/leads", json: #"{"company": "A", "score": "top", "email": "no"}"#, key: key.plainKey)
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertEqual(Set(response.fieldNames), ["score", "email"])
            response = try await client.post("/api/v1/leads", json: "", key: key.plainKey)
            XCTAssertEqual(response.status, .badRequest)
            response = try await client.post("/api/v1/leads", [0xFF, 0xFE, 0x00], contentType: "application/json", key: key.plainKey)
            XCTAssertEqual(response.status, .badRequest)
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testAnEmptyLeadNamesTheFieldsThatWouldDoNotOneItNeverSent() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        let wanted = "A lead needs a name, a company or an e-mail. Send one of these fields: "
            + "`first_name`, `last_name`, `company`, `email`."
        try await bench.application.test(.router) { client in
            var response = try await client.post("/api/v1/leads", json: "{}", key: key.plainKey)
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertEqual(response.error, wanted)
            XCTAssertEqual((response.json["fields"] as? [Any])?.count, 0, "no field is blamed: \(response.json)")
            response = try await client.post("/api/v1/leads", json: #"{"last_name": "  ", "score": "x"}"#, key: key.plainKey)
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertEqual(response.error, wanted + " 1 field is invalid.")
            XCTAssertEqual(response.fieldNames, ["score"])
            response = try await client.post("/api/v1/leads/batch", Array("{}\n".utf8), contentType: "application/x-ndjson",
                                             key: key.plainKey)
            let line = try XCTUnwrap((response.json["lines"] as? [[String: Any]])?.first)
            XCTAssertEqual((line["error"] as? [String: Any])?["error"] as? String, wanted)
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testOtherPathsAndMethodsAreRefusedInJSONBeforeAnyKeyIsAsked() async throws {
        let bench = try IntakeBench()
        try await bench.application.test(.router) { client in
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/leads"), (.put, "/api/v1/lead-capture/crm_any"),
                                   (.delete, "/api/v1/leads/batch")] {
                let response = try await client.executeRequest(uri: path, method: method, headers: [:], body: nil)
                XCTAssertEqual(response.status, .methodNotAllowed, "\(method) \(path)")
                XCTAssertEqual(response.headers[.allow], "POST")
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                XCTAssertEqual(response.error, "This path takes POST, not \(method.rawValue).")
            }
            for path in ["/", "/api/v1/lead", "/api/v1/lead-capture", "/api/v1/lead-capture/crm_any/more"] {
                let response = try await client.post(path, json: #"{"company": "Kestrel"}"#, key: nil)
                XCTAssertEqual(response.status, .notFound, path)
                XCTAssertNil(response.headers[.allow])
                XCTAssertEqual(response.error, "Nothing is served at this path; the endpoints are POST /api/v1/leads, "
                               + "POST /api/v1/lead-capture/{key}, POST /api/v1/leads/batch.", path)
            }
            let head = try await client.executeRequest(uri: "/api/v1/leads", method: .head, headers: [:], body: nil)
            XCTAssertEqual(head.status, .methodNotAllowed)
            XCTAssertEqual(head.headers[.allow], "POST")
            XCTAssertEqual(head.body.readableBytes, 0, "a HEAD answer has no body")
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testUnknownFieldsBecomeCustomAttributes() async throws {
        let bench = try IntakeBench()
        let hubspot = try bench.key("HubSpot", mapping: .hubspot)
        try await bench.application.test(.router) { client in
            let body = #"{"properties": {"company": "Heron", "email": "h@heron.example", "favourite_colour": "teal"}, "portal": 42}"#
            let response = try await client.post("/api/v1/leads", json: body, key: hubspot.plainKey)
            XCTAssertEqual(response.status, .created, response.error)
            let lead = try bench.lead(try XCTUnwrap(response.id))
            XCTAssertEqual(lead.company, "Heron")
            XCTAssertEqual(lead.customAttributes, ["properties.favourite_colour": "teal", "portal": "42"])
        }
    }

    func testOtherContentTypesGet415() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Web")
        try await bench.application.test(.router) { client in
            var response = try await client.post("/api/v1/leads", Array("company: A".utf8), contentType: "text/plain", key: key.plainKey)
            XCTAssertEqual(response.status, .unsupportedMediaType)
            response = try await client.post("/api/v1/leads", Array("{}".utf8), contentType: nil, key: key.plainKey)
            XCTAssertEqual(response.status, .unsupportedMediaType)
            response = try await client.post("/api/v1/leads/batch", Array("{}".utf8), contentType: "application/json", key: key.plainKey)
            XCTAssertEqual(response.status, .unsupportedMediaType)
        }
        XCTAssertEqual(try bench.counts(), [0, 0, 0])
    }

    func testABatchSaysWhichLinesFailedAndWhichLeadsItMade() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Bulk")
        let body = "{\"company\": \"One\"}\n{\"company\": \"Two\", \"score\": \"x\"}\n{oops\n\n{\"company\": \"Five\"}\n"
        try await bench.application.test(.router) { client in
            let response = try await client.post("/api/v1/leads/batch", Array(body.utf8), contentType: "application/x-ndjson",
                                                 key: key.plainKey)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json["created"] as? Int, 2)
            XCTAssertEqual(response.json["failed"] as? Int, 2)
            let lines = try XCTUnwrap(response.json["lines"] as? [[String: Any]])
            XCTAssertEqual(lines.map { $0["line"] as? Int }, [1, 2, 3, 5])
            XCTAssertEqual(lines.map { $0["status"] as? String }, ["created", "failed", "failed", "created"])
            let scoreError = try XCTUnwrap(lines[1]["error"] as? [String: Any])
            XCTAssertEqual((scoreError["fields"] as? [[String: Any]])?.first?["field"] as? String, "score")
            XCTAssertNotNil((lines[2]["error"] as? [String: Any])?["position"])
            let ids = lines.compactMap { ($0["id"] as? NSNumber)?.int64Value }
            XCTAssertEqual(try ids.map { try bench.lead($0).company }, ["One", "Five"])
            XCTAssertEqual(try bench.payload(of: ids[1]), Data(#"{"company": "Five"}"#.utf8))
            let empty = try await client.post("/api/v1/leads/batch", Array("\n\n".utf8), contentType: "application/x-ndjson",
                                              key: key.plainKey)
            XCTAssertEqual(empty.status, .badRequest)
            let badKey = try await client.post("/api/v1/leads/batch", Array(body.utf8), contentType: "application/x-ndjson",
                                               key: key.plainKey, headers: ["Idempotency-Key": String(repeating: "k", count: 300)])
            XCTAssertEqual(badKey.status, .badRequest)
            XCTAssertTrue(badKey.error.contains("Idempotency-Key"), badKey.error)
        }
        XCTAssertEqual(try bench.counts(), [2, 2, 0])
    }

    func testAKeyOverItsRateWaitsWithRetryAfter() async throws {
        let bench = try IntakeBench()
        let slow = try bench.key("Slow", rate: 1)
        let other = try bench.key("Other", rate: 1)
        try await bench.application.test(.router) { client in
            let lead = #"{"company": "Kestrel"}"#
            let first = try await client.post("/api/v1/leads", json: lead, key: slow.plainKey)
            XCTAssertEqual(first.status, .created)
            let second = try await client.post("/api/v1/leads", json: lead, key: slow.plainKey)
            XCTAssertEqual(second.status, .tooManyRequests)
            XCTAssertEqual(second.headers[.retryAfter], "60")
            XCTAssertEqual(second.error, "This key may send 1 requests a minute; retry in 60 s.")
            let another = try await client.post("/api/v1/leads", json: lead, key: other.plainKey)
            XCTAssertEqual(another.status, .created, "limits are per key")
        }
        XCTAssertEqual(try bench.counts(), [2, 2, 0])
    }

    func testConcurrentPostsAreCommittedTogetherEachWithItsOwnLead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bench = try IntakeBench(durableFile: folder.appendingPathComponent("crm.sqlite").path)
        let key = try bench.key("Web")
        let ids = try await bench.application.test(.router) { client in
            try await withThrowingTaskGroup(of: Int64?.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await client.post("/api/v1/leads", json: #"{"company": "Firm \#(index)"}"#, key: key.plainKey).id
                    }
                }
                return try await group.reduce(into: [Int64?]()) { $0.append($1) }
            }
        }
        XCTAssertEqual(Set(ids.compactMap { $0 }).count, 40)
        XCTAssertEqual(try bench.counts(), [40, 40, 0])
        XCTAssertGreaterThan(bench.db.commitSyncCount, 0, "answers wait for the disk")
    }
}
