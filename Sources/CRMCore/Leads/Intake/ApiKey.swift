import Foundation

/// One sender's credential for the intake endpoint (LP-1): which mapping reads its payloads,
/// whether its requests must be signed, and how fast it may send.
///
/// The key itself is never stored, only its SHA-256 (`crm apikey create` shows it once); the
/// short `keyPrefix` ("crm_Ab3x…") lets people tell keys apart in lists and logs.
public struct ApiKey: Sendable, Hashable, Identifiable {
    /// The shipped field mappings a key can use.
    public enum Mapping: String, Sendable, Hashable, CaseIterable {
        case generic, mailchimp, hubspot

        /// The mapping itself.
        public var fieldMapping: LeadFieldMapping {
            switch self {
            case .generic: .generic
            case .mailchimp: .mailchimp
            case .hubspot: .hubspot
            }
        }

        /// Sender names whose value identifies one submission, so a retry of it replays instead
        /// of making a second lead when the sender sets no `Idempotency-Key` header.
        public var externalIDNames: [String] {
            switch self {
            case .generic: ["external_id", "externalId"]
            case .mailchimp: []
            case .hubspot: ["id", "properties.hs_object_id"]
            }
        }
    }

    public var id: Int64
    public var name: String
    public var keyPrefix: String
    /// The crm user responsible for the sender (shown in `crm apikey list`); the leads it
    /// sends still have no creator, and routing decides their assignee.
    public var userID: Int64?
    public var mapping: Mapping
    /// The HMAC-SHA256 secret; when set, every request must carry a valid signature.
    public var signingSecret: String?
    /// How far a signed request's timestamp may be from the server's clock.
    public var signatureWindowSeconds: Int
    /// The sustained rate the key may send at; bursts up to the same number are allowed.
    public var requestsPerMinute: Int
    public var createdAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public init(id: Int64, name: String, keyPrefix: String, userID: Int64?, mapping: Mapping, signingSecret: String?,
                signatureWindowSeconds: Int, requestsPerMinute: Int, createdAt: Date, revokedAt: Date?, lastUsedAt: Date?) {
        self.id = id
        self.name = name
        self.keyPrefix = keyPrefix
        self.userID = userID
        self.mapping = mapping
        self.signingSecret = signingSecret
        self.signatureWindowSeconds = signatureWindowSeconds
        self.requestsPerMinute = requestsPerMinute
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// What an administrator chooses when creating an API key.
public struct ApiKeyDraft: Sendable, Hashable {
    public var name: String
    public var userID: Int64?
    public var mapping: ApiKey.Mapping
    public var signatureWindowSeconds: Int
    public var requestsPerMinute: Int

    public init(name: String, userID: Int64? = nil, mapping: ApiKey.Mapping = .generic,
                signatureWindowSeconds: Int = 300, requestsPerMinute: Int = 600) {
        self.name = name
        self.userID = userID
        self.mapping = mapping
        self.signatureWindowSeconds = signatureWindowSeconds
        self.requestsPerMinute = requestsPerMinute
    }

    /// Problems with the draft, keyed by field.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            errors.append(FieldError(field: "name", message: "An API key needs a name."))
        } else if trimmed.count > 100 || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: "name", message: "Use up to 100 printable characters."))
        }
        if signatureWindowSeconds < 1 || signatureWindowSeconds > 86_400 {
            errors.append(FieldError(field: "signatureWindowSeconds", message: "Choose between 1 second and 1 day."))
        }
        if requestsPerMinute < 1 || requestsPerMinute > 1_000_000 {
            errors.append(FieldError(field: "requestsPerMinute", message: "Choose between 1 and 1,000,000."))
        }
        return errors
    }
}

/// The secrets of a new key as the issuer made them: the store keeps the hash and the prefix,
/// and the signing secret as is (the server needs it to compute signatures).
public struct ApiKeyCredentials: Sendable, Hashable {
    public var keyHash: String
    public var keyPrefix: String
    public var signingSecret: String?

    public init(keyHash: String, keyPrefix: String, signingSecret: String?) {
        self.keyHash = keyHash
        self.keyPrefix = keyPrefix
        self.signingSecret = signingSecret
    }
}
