import CRMServer
import XCTest

/// Keys are stored as their SHA-256 in lower-case hex; the hash must be the standard one, or a
/// key issued by one build would not be recognised by another.
final class ApiKeyIssuerTests: XCTestCase {
    func testTheHashIsSHA256InLowerCaseHex() {
        // FIPS 180-2 test vectors.
        XCTAssertEqual(ApiKeyIssuer.hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ApiKeyIssuer.hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
