import Foundation
import NIOConcurrencyHelpers

/// The signatures accepted within their time window (LP-1): a signed request captured on the
/// wire and sent again before its timestamp expires is refused, not taken as a new lead. A
/// sender retrying on purpose signs again with a new timestamp (and the same Idempotency-Key).
final class SignatureLedger: Sendable {
    private struct Seen {
        var signatures: [String: Date] = [:]
        var nextSweep = Date.distantPast
    }

    private let seen = NIOLockedValueBox(Seen())

    /// Records `signature` of key `keyID` as used until `expiry`; false when it was used already.
    func firstUse(of signature: String, keyID: Int64, expiry: Date, now: Date) -> Bool {
        seen.withLockedValue { seen in
            if now >= seen.nextSweep {
                seen.signatures = seen.signatures.filter { $0.value > now }
                seen.nextSweep = now.addingTimeInterval(60)
            }
            let entry = "\(keyID) " + signature.lowercased()
            if let until = seen.signatures[entry], until > now { return false }
            seen.signatures[entry] = expiry
            return true
        }
    }
}
