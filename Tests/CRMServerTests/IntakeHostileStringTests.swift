import CRMCore
@testable import CRMServer
import CRMStore
import Foundation
import Hummingbird
import HummingbirdTesting
import TestFixtures
import XCTest

/// Every string of the shared hostile test data, posted in every mapped text field as JSON and
/// as a form, is stored byte for byte with the raw body kept as sent — or, for the few a lead
/// rule forbids (NUL, overlong), refused naming the sender's fields with nothing written.
final class IntakeHostileStringTests: XCTestCase {
    /// Generic sender names of the text fields (e-mail is checked as an address, so it is left out).
    private static let fields: [(String, LeadDraft.Field)] = [
        ("first_name", .firstName), ("last_name", .lastName), ("company", .company), ("job_title", .jobTitle),
        ("phone", .phone), ("mobile", .mobile), ("website", .website), ("country", .country), ("source", .source),
        ("utm_source", .utmSource), ("utm_medium", .utmMedium), ("utm_campaign", .utmCampaign),
        ("utm_content", .utmContent), ("description", .description),
    ]

    private func cases() throws -> [HostileStrings.Case] { try HostileStrings.all() }

    private static func formBody(_ values: [String: String]) -> [UInt8] {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return Array(values.sorted { $0.key < $1.key }.map { name, value in
            name + "=" + value.addingPercentEncoding(withAllowedCharacters: unreserved)!
        }.joined(separator: "&").utf8)
    }

    func testHostileStringsArriveByteForByteOrAreRefusedWhole() async throws {
        // The overlong case in every field is ~150 KB as a form: raise the cap so the field rule decides.
        let bench = try IntakeBench { $0.singleBodyLimit = 512 * 1_024 }
        let key = try bench.key("Web")
        let all = try cases()
        XCTAssertGreaterThan(all.count, 20)
        try await bench.application.test(.router) { client in
            var stored = 0
            for item in all {
                var values = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0.0, item.text) })
                values["note_from_form"] = item.text
                let bodies: [(String, [UInt8])] = [
                    ("application/json", Array(try JSONEncoder().encode(values))),
                    ("application/x-www-form-urlencoded", Self.formBody(values)),
                ]
                for (contentType, body) in bodies {
                    let before = try bench.counts()
                    let response = try await client.post("/api/v1/leads", body, contentType: contentType, key: key.plainKey)
                    if response.status == .created {
                        let id = try XCTUnwrap(response.id)
                        let lead = try bench.lead(id)
                        for (name, field) in Self.fields {
                            XCTAssertEqual(Array(lead.fields.text(of: field).utf8), Array(item.text.utf8), "\(item.case) in \(name)")
                        }
                        XCTAssertEqual(Array((lead.customAttributes["note_from_form"] ?? "").utf8), Array(item.text.utf8))
                        XCTAssertEqual(try bench.payload(of: id), Data(body), "\(item.case): the raw body is kept as sent")
                        stored += 1
                    } else {
                        XCTAssertEqual(response.status, .unprocessableContent, "\(item.case) \(contentType): \(response.error)")
                        XCTAssertTrue(["nul", "very-long"].contains(item.case), "\(item.case) must be stored, was refused: \(response.json)")
                        XCTAssertFalse(response.fieldNames.isEmpty)
                        XCTAssertEqual(try bench.counts(), before, "\(item.case): nothing half-written")
                    }
                }
            }
            XCTAssertEqual(stored, (all.count - 2) * 2)
        }
    }
}
