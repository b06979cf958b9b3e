import CRMCore
import CRMStore
import Crypto
import Foundation

/// Makes and checks API key secrets (LP-1). The store keeps only what this hands it: the
/// SHA-256 of the key and a short prefix to recognise it by.
public enum ApiKeyIssuer {
    /// A new key as shown once to the administrator.
    public struct Issued: Sendable {
        public var key: ApiKey
        /// The key to give the sender: "crm_" and 43 URL-safe characters (32 random bytes).
        public var plainKey: String
        /// The HMAC secret for signing, 64 hex digits, when the key requires signatures.
        public var signingSecret: String?
    }

    /// What every key starts with, so a leaked key is recognisable (e.g. by secret scanners).
    public static let keyPrefix = "crm_"

    /// Creates a key in `repository`; with `signed`, its requests must carry an HMAC signature.
    public static func create(_ draft: ApiKeyDraft, signed: Bool, in repository: ApiKeyRepository) throws -> Issued {
        let plainKey = keyPrefix + base64URL(randomBytes(32))
        let secret = signed ? randomBytes(32).map { String(format: "%02x", $0) }.joined() : nil
        let credentials = ApiKeyCredentials(keyHash: hash(plainKey), keyPrefix: String(plainKey.prefix(keyPrefix.count + 6)),
                                            signingSecret: secret)
        return Issued(key: try repository.create(draft, credentials: credentials), plainKey: plainKey, signingSecret: secret)
    }

    /// The SHA-256 of a key as lower-case hex: what the store looks keys up by.
    public static func hash(_ plainKey: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(plainKey.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Bytes from the system's cryptographic generator (getrandom on Linux).
    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
