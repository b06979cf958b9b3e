import CRMCore
import CRMStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The intake routes (LP-1, LP-2): who may post, how fast, how much, and what they are told.
///
/// Checks run cheapest first — path and method, key, rate, content type, size, signature,
/// fields — so a flood or a wrong sender costs little; a lead is answered 201 only after its
/// transaction committed.
struct IntakeEndpoint: Sendable {
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    static let replayHeader = HTTPField.Name("Idempotent-Replayed")!

    let database: AppDatabase
    let configuration: IntakeServerConfiguration
    let limiter = RateLimiter()
    let signatures = SignatureLedger()
    let committer: GroupCommitter
    /// Each request's API key is read here, one lookup after another (each takes microseconds).
    let keyLookups = DispatchQueue(label: "crm.intake.keys")
    let logger: Logger

    init(database: AppDatabase, configuration: IntakeServerConfiguration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.committer = GroupCommitter(database: database, limit: configuration.groupCommitLimit)
        self.logger = logger
    }

    /// Adds the POST routes, and a fallback that answers any other path or method in JSON too;
    /// one table feeds both, so the fallback knows every route.
    func addRoutes(to router: Router<BasicRequestContext>) {
        let routes: [(path: RouterPath, handler: @Sendable (Request, BasicRequestContext) async -> Response)] = [
            ("/api/v1/leads", { request, _ in
                await answer { try await single(request, plainKey: try bearerKey(request)) }
            }),
            ("/api/v1/lead-capture/:key", { request, context in
                await answer { try await single(request, plainKey: context.parameters.get("key") ?? "") }
            }),
            ("/api/v1/leads/batch", { request, _ in
                await answer { try await batch(request, plainKey: try bearerKey(request)) }
            }),
        ]
        router.add(middleware: UnmatchedRouteMiddleware(routes: routes.map { .init(path: $0.path, method: .post) }))
        for route in routes {
            router.post(route.path, use: route.handler)
        }
    }

    // MARK: - Routes

    private func single(_ request: Request, plainKey: String) async throws -> Response {
        let key = try await admit(plainKey)
        let contentType = request.headers[.contentType] ?? ""
        guard let format = IntakePayload.Format(contentType: contentType) else {
            throw IntakeProblem(status: .unsupportedMediaType,
                                message: "Send Content-Type: application/json or application/x-www-form-urlencoded.")
        }
        let body = try await readBody(request, limit: configuration.singleBodyLimit)
        try verifySignature(request, body, key)
        let submission = IntakeSubmission(format: format, contentType: contentType, body: body,
                                          idempotencyKey: request.headers[Self.idempotencyHeader])
        let lead = try database.leadIntake.prepare(submission, from: key).mapError(IntakeProblem.init).get()
        switch await committer.commit(lead) {
        case .success(.success(.created(let id))):
            return JSONReply.response(.created, Created(id: id))
        case .success(.success(.replayed(let id))):
            return JSONReply.response(.ok, Replay(id: id), headers: [Self.replayHeader: "true"])
        case .success(.failure(let error)):
            throw IntakeProblem(error)
        case .failure(let error):
            throw error
        }
    }

    private func batch(_ request: Request, plainKey: String) async throws -> Response {
        let key = try await admit(plainKey)
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first ?? ""
        guard mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/x-ndjson" else {
            throw IntakeProblem(status: .unsupportedMediaType, message: "Send Content-Type: application/x-ndjson, one JSON lead per line.")
        }
        let body = try await readBody(request, limit: configuration.batchBodyLimit)
        try verifySignature(request, body, key)
        let idempotencyKey = request.headers[Self.idempotencyHeader]
        let intake = database.leadIntake
        // A queue of its own: batches are written side by side, each on its own thread.
        let lines = try await Self.offThePool(on: DispatchQueue(label: "crm.intake.batch")) {
            defer { ServerMemory.returnFreedMemory() }
            return try intake.receiveBatch(ndjson: body, idempotencyKey: idempotencyKey, from: key)
        }
        guard !lines.isEmpty else {
            throw IntakeProblem(status: .badRequest, message: "The batch has no lines; send one JSON lead per line.")
        }
        return JSONReply.response(.ok, BatchReply(lines))
    }

    // MARK: - Checks

    /// The key from `Authorization: Bearer KEY`.
    private func bearerKey(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization] else {
            throw IntakeProblem.unauthorized("Send the API key as Authorization: Bearer KEY.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw IntakeProblem.unauthorized("The Authorization header must read Bearer KEY.")
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The live key for `plainKey`, if it still has a token to spend.
    ///
    /// The key is looked up in the database for every request, off the cooperative pool like
    /// all database work here (a read can wait behind a checkpoint or a busy disk), and never
    /// cached: a key revoked with `crm apikey revoke` is refused from the next request on.
    private func admit(_ plainKey: String) async throws -> ApiKey {
        let unknown = IntakeProblem.unauthorized("The API key is unknown or was revoked.")
        guard !plainKey.isEmpty else { throw unknown }
        let keys = database.apiKeys(actingAs: nil)
        let hash = ApiKeyIssuer.hash(plainKey)
        guard let key = try await Self.offThePool(on: keyLookups, { try keys.authenticate(keyHash: hash) }) else { throw unknown }
        if let wait = limiter.take(keyID: key.id, requestsPerMinute: key.requestsPerMinute, now: configuration.now()) {
            throw IntakeProblem(status: .tooManyRequests,
                                message: "This key may send \(key.requestsPerMinute) requests a minute; retry in \(wait) s.",
                                headers: [.retryAfter: String(wait)])
        }
        return key
    }

    /// The whole body, refused with 413 as soon as it is known to exceed `limit`, and with 400
    /// when it cannot be read (a malformed chunked encoding), never with a 500.
    private func readBody(_ request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = IntakeProblem(status: .contentTooLarge, message: "The body is larger than \(limit) bytes.")
        let length = request.headers[.contentLength].flatMap { Int($0) }
        if let length, length > limit { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(length ?? 0, 0))
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let problem as IntakeProblem {
            throw problem
        } catch {
            throw IntakeProblem(status: .badRequest,
                                message: "The body could not be read: its chunked encoding is malformed or it was cut short.")
        }
        return bytes
    }

    /// Checks a signed key's signature (over the body, the timestamp and any Idempotency-Key)
    /// and that this signature was not used before within its window.
    private func verifySignature(_ request: Request, _ body: [UInt8], _ key: ApiKey) throws {
        guard let secret = key.signingSecret else { return }
        let signature = request.headers[HTTPField.Name(RequestSignature.signatureHeader)!]
        let now = configuration.now()
        if let problem = RequestSignature.problem(
            body: body, idempotencyKey: request.headers[Self.idempotencyHeader],
            timestamp: request.headers[HTTPField.Name(RequestSignature.timestampHeader)!],
            signature: signature, secret: secret, window: key.signatureWindowSeconds, now: now) {
            throw IntakeProblem.unauthorized(problem)
        }
        let expiry = now.addingTimeInterval(TimeInterval(2 * key.signatureWindowSeconds))
        guard let signature, signatures.firstUse(of: signature, keyID: key.id, expiry: expiry, now: now) else {
            throw IntakeProblem.unauthorized("This signed request was received already; a retry must be signed again "
                + "with a new \(RequestSignature.timestampHeader) (and the same Idempotency-Key).")
        }
    }

    // MARK: - Plumbing

    /// Turns refusals into their JSON answers, a database kept busy beyond the wait into a 503
    /// (the sender retries), and anything else into a 500 that says nothing was saved (true:
    /// every write is one transaction), logging the cause for the operator.
    private func answer(_ work: () async throws -> Response) async -> Response {
        do {
            return try await work()
        } catch let problem as IntakeProblem {
            return problem.response()
        } catch let error as IntakeError {
            return IntakeProblem(error).response()
        } catch StoreError.busy {
            return JSONReply.response(.serviceUnavailable,
                                      ErrorBody(message: "The database is busy; nothing was saved. Send it again in a moment.",
                                                position: nil, fields: []),
                                      headers: [.retryAfter: "1"])
        } catch {
            logger.error("intake failed: \(error)")
            return JSONReply.response(.internalServerError,
                                      ErrorBody(message: "The server could not store the lead; nothing was saved. Try again.",
                                                position: nil, fields: []))
        }
    }

    /// Runs blocking database work on `queue`, keeping Swift's cooperative threads free.
    ///
    /// The queue must be a serial one: Dispatch gives each serial queue a thread as needed,
    /// while the global and concurrent queues share a width of one thread per core with the
    /// cooperative pool on Linux, so work blocked there stops every task of the server
    /// (`ApiKeyLookupTests`).
    private static func offThePool<T: Sendable>(on queue: DispatchQueue,
                                                _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// The answer to a new lead.
private struct Created: Encodable {
    var id: Int64
}

/// The answer to a retry: the lead the first attempt made.
private struct Replay: Encodable {
    var id: Int64?
    var replayed = true
}

/// The answer to a batch: totals and one entry per non-blank line.
struct BatchReply: Encodable {
    struct Line: Encodable {
        var line: Int
        var status: String
        var id: Int64?
        var error: ErrorBody?
    }

    var created = 0
    var replayed = 0
    var failed = 0
    var lines: [Line] = []

    init(_ results: [IntakeLineResult]) {
        for result in results {
            switch result.result {
            case .success(.created(let id)):
                created += 1
                lines.append(Line(line: result.line, status: "created", id: id))
            case .success(.replayed(let id)):
                replayed += 1
                lines.append(Line(line: result.line, status: "replayed", id: id))
            case .failure(let error):
                failed += 1
                lines.append(Line(line: result.line, status: "failed", error: ErrorBody(error)))
            }
        }
    }
}
