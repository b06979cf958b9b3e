import CRMCore
import CRMStore
import XCTest

/// API keys in the store (LP-1): only hashes are kept, names are unique, revoking is journaled
/// and ends authentication.
final class ApiKeyRepositoryTests: XCTestCase {
    private func credentials(_ hash: String, secret: String? = nil) -> ApiKeyCredentials {
        ApiKeyCredentials(keyHash: hash, keyPrefix: "crm_" + hash.prefix(4), signingSecret: secret)
    }

    func testAKeyIsFoundByItsHashUntilRevoked() throws {
        let fixture = try Fixture()
        let keys = fixture.db.apiKeys(actingAs: fixture.admin)
        let created = try keys.create(ApiKeyDraft(name: "Website", userID: fixture.alice.id, mapping: .hubspot),
                                      credentials: credentials("aa11", secret: "s3cret"))
        XCTAssertEqual(created.name, "Website")
        XCTAssertEqual(created.mapping, .hubspot)
        XCTAssertEqual(created.userID, fixture.alice.id)
        XCTAssertEqual(created.signingSecret, "s3cret")
        XCTAssertEqual(created.keyPrefix, "crm_aa11")
        XCTAssertEqual(try keys.authenticate(keyHash: "aa11")?.id, created.id)
        XCTAssertNil(try keys.authenticate(keyHash: "bb22"))

        let revoked = try keys.revoke(name: "website")
        XCTAssertTrue(revoked.isRevoked)
        XCTAssertNil(try keys.authenticate(keyHash: "aa11"))
        XCTAssertEqual(try keys.list().map(\.name), ["Website"], "revoked keys stay listed")
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .apiKey, id: created.id)
        XCTAssertTrue(history.contains { $0.field == "revoked" && $0.newValue == "true" }, "\(history)")
        XCTAssertTrue(history.contains { $0.field == "name" && $0.newValue == "Website" }, "\(history)")
    }

    func testNamesAreUniqueAndDraftsValidated() throws {
        let fixture = try Fixture()
        let keys = fixture.db.apiKeys(actingAs: nil)
        _ = try keys.create(ApiKeyDraft(name: "Forms"), credentials: credentials("cc33"))
        XCTAssertThrowsError(try keys.create(ApiKeyDraft(name: "forms"), credentials: credentials("dd44"))) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["name"], "\($0)")
        }
        XCTAssertThrowsError(try keys.create(ApiKeyDraft(name: " ", requestsPerMinute: 0), credentials: credentials("ee55"))) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["name", "requestsPerMinute"], "\($0)")
        }
        XCTAssertThrowsError(try keys.create(ApiKeyDraft(name: "Ghost", userID: 999), credentials: credentials("ff66"))) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["userID"], "\($0)")
        }
        XCTAssertThrowsError(try keys.revoke(name: "Nope")) { XCTAssertTrue($0 is RuleViolationError, "\($0)") }
        XCTAssertEqual(try keys.list().count, 1)
    }
}
