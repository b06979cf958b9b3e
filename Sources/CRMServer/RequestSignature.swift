import Crypto
import Foundation

/// The optional HMAC-SHA256 request signature of a key (LP-1): the sender signs
/// `timestamp + "." + body` with the key's secret — `timestamp + "." + idempotency key + "\n" +
/// body` when it sends an `Idempotency-Key` — and sends `X-CRM-Timestamp: <unix seconds>` and
/// `X-CRM-Signature: sha256=<hex>`. The timestamp window stops a captured request from being
/// replayed later (and `SignatureLedger` within the window); the body and the idempotency key
/// in the signed text stop it from being altered or made to replay another submission.
public enum RequestSignature {
    public static let timestampHeader = "X-CRM-Timestamp"
    public static let signatureHeader = "X-CRM-Signature"

    /// The signature header value for `body` sent at `timestamp` (with `idempotencyKey`), as a
    /// sender computes it.
    public static func sign(_ body: [UInt8], timestamp: Int, idempotencyKey: String? = nil, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: signedText(body, timestamp, idempotencyKey), using: key(secret))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Why the request's signature is not acceptable, or `nil` when it is.
    static func problem(body: [UInt8], idempotencyKey: String?, timestamp: String?, signature: String?, secret: String,
                        window: Int, now: Date) -> String? {
        guard let timestamp, let signature else {
            return "This API key requires signed requests: send \(timestampHeader) and \(signatureHeader) headers."
        }
        guard let seconds = Int(timestamp.trimmingCharacters(in: .whitespaces)) else {
            return "\(timestampHeader) must be whole Unix seconds, not \"\(timestamp)\"."
        }
        let skew = Int(now.timeIntervalSince1970) - seconds
        guard abs(skew) <= window else {
            let direction = skew > 0 ? "old" : "in the future"
            return "\(timestampHeader) is \(abs(skew)) seconds \(direction); this key accepts \(window) seconds either way."
        }
        let text = signature.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("sha256="), let code = hexBytes(text.dropFirst(7)), code.count == 32 else {
            return "\(signatureHeader) must read sha256= followed by 64 hex digits."
        }
        // Constant-time comparison, so timing reveals nothing about the expected code.
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signedText(body, seconds, idempotencyKey),
                                                     using: key(secret)) else {
            return idempotencyKey == nil ? "The signature does not match the body and timestamp."
                : "The signature does not match the body, timestamp and Idempotency-Key."
        }
        return nil
    }

    private static func signedText(_ body: [UInt8], _ timestamp: Int, _ idempotencyKey: String?) -> [UInt8] {
        Array("\(timestamp).".utf8) + (idempotencyKey.map { Array(($0 + "\n").utf8) } ?? []) + body
    }

    private static func key(_ secret: String) -> SymmetricKey {
        SymmetricKey(data: Data(secret.utf8))
    }

    private static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let pair = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(pair)
        }
        return bytes
    }
}
