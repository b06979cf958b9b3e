import CRMCore

/// One body a sender posted to the intake endpoint, as the HTTP layer received it.
public struct IntakeSubmission: Sendable, Hashable {
    public var format: IntakePayload.Format
    /// The `Content-Type` header as sent; stored with the raw payload.
    public var contentType: String
    public var body: [UInt8]
    /// The `Idempotency-Key` header, if any.
    public var idempotencyKey: String?

    public init(format: IntakePayload.Format, contentType: String, body: [UInt8], idempotencyKey: String? = nil) {
        self.format = format
        self.contentType = contentType
        self.body = body
        self.idempotencyKey = idempotencyKey
    }
}

/// What intake did with one lead: created it, or recognised a retry and returned the lead the
/// first attempt made (`nil` only if that lead has since been deleted).
public enum IntakeResult: Sendable, Hashable {
    case created(leadID: Int64)
    case replayed(leadID: Int64?)

    public var leadID: Int64? {
        switch self {
        case .created(let id): id
        case .replayed(let id): id
        }
    }

    public var isReplay: Bool {
        if case .replayed = self { return true }
        return false
    }
}

/// The outcome of one line of an NDJSON batch.
public struct IntakeLineResult: Sendable, Hashable {
    /// The 1-based line number in the body.
    public var line: Int
    public var result: Result<IntakeResult, IntakeError>

    public init(line: Int, result: Result<IntakeResult, IntakeError>) {
        self.line = line
        self.result = result
    }
}
