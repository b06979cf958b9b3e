import Foundation

/// A per-key token bucket (LP-1): a key earns `requestsPerMinute / 60` tokens a second and may
/// save up a burst of a tenth of its per-minute rate (at least one). Kept in memory: a restart
/// forgives, which is harmless for a limit meant to stop floods, not to bill.
final class RateLimiter: @unchecked Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let lock = NSLock()
    private var buckets: [Int64: Bucket] = [:]

    /// Takes a token for `keyID`; returns `nil` when allowed, else the whole seconds to wait.
    func take(keyID: Int64, requestsPerMinute: Int, now: Date) -> Int? {
        let rate = Double(requestsPerMinute) / 60
        let burst = max(1, Double(requestsPerMinute) / 10)
        return lock.withLock {
            var bucket = buckets[keyID] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
            bucket.updated = now
            defer { buckets[keyID] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
