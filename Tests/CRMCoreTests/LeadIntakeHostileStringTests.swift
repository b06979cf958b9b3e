import CRMCore
import Foundation
import TestFixtures
import XCTest

/// Every string of the shared hostile test data, posted in every mapped text field as JSON and
/// as a form, reaches the draft byte for byte — or is refused naming the sender's field when a
/// lead rule forbids it (NUL, too long).
final class LeadIntakeHostileStringTests: XCTestCase {
    private func cases() throws -> [HostileStrings.Case] { try HostileStrings.all() }

    /// Generic sender names of the text fields, with their lead fields.
    private let textFields: [(String, LeadDraft.Field)] = [
        ("first_name", .firstName), ("last_name", .lastName), ("company", .company), ("job_title", .jobTitle),
        ("email", .email), ("phone", .phone), ("mobile", .mobile), ("website", .website), ("country", .country),
        ("source", .source), ("utm_source", .utmSource), ("utm_medium", .utmMedium), ("utm_campaign", .utmCampaign),
        ("utm_content", .utmContent), ("description", .description),
    ]

    private func jsonBody(_ fields: [String: String]) throws -> [UInt8] {
        Array(try JSONEncoder().encode(fields))
    }

    private func formBody(_ fields: [String: String]) -> [UInt8] {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return Array(fields.map { name, value in
            name + "=" + value.addingPercentEncoding(withAllowedCharacters: unreserved)!
        }.joined(separator: "&").utf8)
    }

    func testHostileStringsInEveryMappedFieldArriveByteForByte() throws {
        let all = try cases()
        XCTAssertGreaterThan(all.count, 20)
        var stored = 0
        for item in all {
            for (name, field) in textFields {
                var fields = ["company": "Acme", "custom_note": item.text]
                fields[name] = item.text
                let refusedFields = Self.refusedFields(item.text, in: field, sentAs: name)
                for payload in [try IntakePayload(json: jsonBody(fields)), try IntakePayload(formURLEncoded: formBody(fields))] {
                    switch LeadFieldMapping.generic.draft(from: payload) {
                    case .success(let draft):
                        XCTAssertEqual(refusedFields, [], "\(item.case) in \(name)")
                        XCTAssertEqual(Array(draft.text(of: field).utf8), Array(item.text.utf8), "\(item.case) in \(name)")
                        XCTAssertEqual(Array((draft.customAttributes["custom_note"] ?? "").utf8), Array(item.text.utf8))
                        stored += 1
                    case .failure(let error):
                        XCTAssertEqual(Set(error.fieldErrors.map(\.field)), refusedFields, "\(item.case) in \(name)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(stored, all.count * 2 * 12, "most hostile strings must be stored, not refused")
    }

    func testOnlyNulOverlongAndNonAddressesAreRefused() throws {
        let refusedInNames = try cases().filter { item in
            let payload = IntakePayload([.init("first_name", item.text), .init("company", "Acme")])
            return (try? LeadFieldMapping.generic.draft(from: payload).get()) == nil
        }
        XCTAssertEqual(Set(refusedInNames.map(\.case)), ["nul", "very-long"])
    }

    /// The sender fields a lead's rules must refuse: NUL anywhere, text over its field's limit,
    /// and an e-mail that is no address; the custom attribute takes up to a note's length.
    private static func refusedFields(_ text: String, in field: LeadDraft.Field, sentAs name: String) -> Set<String> {
        let hasNul = text.unicodeScalars.contains("\u{0}")
        let limit = field == .description ? FieldRules.noteLimit : field == .email ? FieldRules.emailLimit : FieldRules.lineLimit
        var refused: Set<String> = []
        if hasNul || text.unicodeScalars.count > limit || (field == .email && FieldRules.checkEmail(text) != nil) {
            refused.insert(name)
        }
        if hasNul || text.unicodeScalars.count > FieldRules.noteLimit { refused.insert("custom_note") }
        return refused
    }
}
