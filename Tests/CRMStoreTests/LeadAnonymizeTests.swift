import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// Anonymizing a lead (LD-9): the personal data leaves the record, its journal, its duplicate
/// keys, the search index and the stored payload, and the database file itself.
final class LeadAnonymizeTests: XCTestCase {
    func testAnonymizeErasesTheLeadsPersonalDataFromTheFile() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let secret = "wendeline.quarrington-9c2e@example.org"
        var draft = LeadDraft()
        draft.firstName = "Wendeline"
        draft.lastName = "Quarrington"
        draft.company = "Quarrington Pottery"
        draft.email = secret
        draft.source = "Spring fair"
        draft.value = Money(minorUnits: 120_000, try Currency(code: "EUR"))
        draft.customAttributes = ["birthday": "1984-02-29"]
        let id = try fixture.db.writer.write { db in
            let journal = JournalWriter(db: db, userID: fixture.alice.id, at: Date())
            let id = try leads.insert(db, journal, draft)
            try db.execute(sql: """
                INSERT INTO lead_payloads (lead_id, received_at, content_type, body) VALUES (?, 0, 'application/json', ?)
                """, arguments: [id, Data(#"{"email":"\#(secret)","name":"Wendeline Quarrington"}"#.utf8)])
            return id
        }
        var lead = try leads.get(id: id)
        var edit = lead.fields
        edit.phone = "+44 7700 900 417"
        edit.description = "Prefers calls after Zumba class"
        lead = try leads.update(id: id, with: edit, expectedVersion: lead.version)
        var other = LeadDraft()
        other.company = "Keepsake Control Ltd"
        _ = try leads.create(other)

        let anonymized = try leads.anonymize(id: id, expectedVersion: lead.version)
        XCTAssertEqual(anonymized.displayName, "Anonymized lead #\(id)")
        XCTAssertNotNil(anonymized.history.anonymizedAt)
        XCTAssertEqual([anonymized.email, anonymized.phone, anonymized.company, anonymized.description, anonymized.firstName],
                       ["", "", "", "", ""])
        XCTAssertEqual(anonymized.customAttributes, [:])
        XCTAssertEqual([anonymized.source, anonymized.value?.description], ["Spring fair", "1200.00 EUR"],
                       "the non-personal remainder still counts in statistics")
        XCTAssertEqual(anonymized.statusKind, .new)

        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: id)
        XCTAssertEqual(history.first?.action, .anonymize)
        for entry in history where LeadRepository.personalFields.contains(entry.field ?? "") {
            XCTAssertNil(entry.oldValue ?? entry.newValue, "\(entry.field ?? "")")
        }
        XCTAssertTrue(history.contains { $0.field == "email" }, "who, when and which field stay")
        XCTAssertTrue(history.contains { $0.field == "source" && $0.newValue == "Spring fair" }, "non-personal values stay")
        XCTAssertEqual(try leads.page(LeadQuery(filter: "quarrington"), .first, limit: 10), [])
        XCTAssertEqual(try leads.page(LeadQuery(filter: "anonymized"), .first, limit: 10).map(\.id), [id])
        XCTAssertThrowsError(try leads.update(id: id, with: draft, expectedVersion: anonymized.version))
        try fixture.db.writer.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_keys WHERE lead_id = ?", arguments: [id]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT length(body) FROM lead_payloads WHERE lead_id = ?", arguments: [id]), 0)
        }

        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        for file in [path, path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            for needle in [secret, "Wendeline", "Quarrington", "quarrington", "900 417", "Zumba", "1984-02-29"] {
                XCTAssertNil(bytes.range(of: Data(needle.utf8)), "\(needle) is still in \(file)")
            }
        }
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNotNil(file.range(of: Data("Keepsake Control".utf8)), "the check would see data that is there")
    }
}
