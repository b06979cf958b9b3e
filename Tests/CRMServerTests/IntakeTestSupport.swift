import CRMCore
@testable import CRMServer
@testable import CRMStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// A fresh database with keys, a pinned clock and the intake application, for one test.
struct IntakeBench {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    let db: AppDatabase
    let configuration: IntakeServerConfiguration

    /// In memory, or with `durableFile`, on that file with durable commits as `crm serve` runs.
    init(durableFile: String? = nil, _ configure: (inout IntakeServerConfiguration) -> Void = { _ in }) throws {
        if let durableFile {
            db = try AppDatabase.open(path: durableFile, clock: { IntakeBench.now })
            db.requireDurableCommits()
        } else {
            db = try AppDatabase.inMemory(clock: { IntakeBench.now })
        }
        var configuration = IntakeServerConfiguration(port: 0, headerTimeout: .milliseconds(300),
                                                      bodyTimeout: .milliseconds(200), now: { IntakeBench.now })
        configure(&configuration)
        self.configuration = configuration
    }

    func key(_ name: String, mapping: ApiKey.Mapping = .generic, signed: Bool = false, rate: Int = 100_000) throws -> ApiKeyIssuer.Issued {
        try ApiKeyIssuer.create(ApiKeyDraft(name: name, mapping: mapping, signatureWindowSeconds: 300, requestsPerMinute: rate),
                                signed: signed, in: db.apiKeys(actingAs: nil))
    }

    var application: some ApplicationProtocol { IntakeServer.application(database: db, configuration: configuration) }

    /// Rows in (leads, lead_payloads, intake_receipts).
    func counts() throws -> [Int] {
        try db.read { db in
            try ["leads", "lead_payloads", "intake_receipts"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
    }

    func lead(_ id: Int64) throws -> Lead {
        try db.leads(actingAs: nil).get(id: id)
    }

    func payload(of id: Int64) throws -> Data? {
        try db.read { db in try Data.fetchOne(db, sql: "SELECT body FROM lead_payloads WHERE lead_id = ?", arguments: [id]) }
    }
}

extension TestClientProtocol {
    /// POSTs `body` with the given content type and headers.
    func post(_ uri: String, _ body: some Sequence<UInt8>, contentType: String? = "application/json",
              key: String? = nil, headers extra: [String: String] = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        if let key { headers[.authorization] = "Bearer \(key)" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: Array(body)))
    }

    func post(_ uri: String, json: String, key: String?, headers: [String: String] = [:]) async throws -> TestResponse {
        try await post(uri, Array(json.utf8), key: key, headers: headers)
    }
}

extension TestResponse {
    /// The JSON body as a dictionary.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var id: Int64? { (json["id"] as? NSNumber)?.int64Value }
    var error: String { json["error"] as? String ?? "" }
    var fieldNames: [String] { (json["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
}
