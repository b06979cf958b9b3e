import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Splitter filters (LP-6): validation, runs that share exactly the matching unprocessed open leads,
/// filters in order, the unprocessed list, and batched runs.
final class LeadSplitterTests: XCTestCase {
    private var fixture: Fixture!
    private var carol: User!

    override func setUpWithError() throws {
        fixture = try Fixture()
        carol = try fixture.db.users.add(login: "carol", displayName: "Carol", role: .salesRep)
    }

    private func shares(_ percents: [(User, Int)]) -> [LeadShare] {
        percents.map { LeadShare(userID: $0.0.id, percent: $0.1) }
    }

    private func addLead(_ company: String, country: String, archived: Bool = false) throws -> Lead {
        var draft = LeadDraft()
        draft.company = company
        draft.country = country
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let lead = try leads.create(draft)
        return archived ? try leads.setArchived(true, id: lead.id, expectedVersion: lead.version) : lead
    }

    private func fields(_ error: Error) -> [String: String] {
        Dictionary((error as? ValidationError)?.errors.map { ($0.field, $0.message) } ?? [], uniquingKeysWith: { $1 })
    }

    func testValidationNamesTheFieldAndLine() throws {
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "", filter: "", shares: shares([(fixture.alice, 100)])))) { error in
            let found = fields(error)
            XCTAssertNotNil(found["name"])
            XCTAssertNotNil(found["filter"])
            XCTAssertEqual(found["shares"], "Share the leads among at least two users.")
        }
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "Thirds", filter: "country:de", shares: shares([(fixture.alice, 33), (fixture.bob, 33), (carol, 33)])))) {
            XCTAssertEqual(fields($0)["shares"], "The shares add up to 99%; they must add up to 100%.")
        }
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "Twice", filter: "country:de", shares: shares([(fixture.alice, 50), (fixture.alice, 50)])))) {
            XCTAssertEqual(fields($0)["shares.1"], "This user already has a share above.")
        }
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "Zero", filter: "country:de", shares: shares([(fixture.alice, 0), (fixture.bob, 100)])))) {
            XCTAssertNotNil(fields($0)["shares.0"])
        }
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "Ghost", filter: "country:de", shares: [LeadShare(userID: 999, percent: 50), LeadShare(userID: fixture.bob.id, percent: 50)]))) {
            XCTAssertEqual(fields($0)["shares.0"], "Choose an existing user.")
        }
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "Bad", filter: "country:de value>=lots", shares: shares([(fixture.alice, 50), (fixture.bob, 50)])))) {
            let message = fields($0)["filter"] ?? ""
            XCTAssertTrue(message.contains("\"lots\" is not an amount") && message.hasSuffix("at 19–22"), message)
        }
        let saved = try splitter.create(LeadSplitFilterDraft(
            name: "Thirds", filter: "country:de", shares: shares([(fixture.alice, 33), (fixture.bob, 33), (carol, 34)])))
        XCTAssertThrowsError(try splitter.create(LeadSplitFilterDraft(
            name: "thirds ", filter: "country:at", shares: shares([(fixture.alice, 50), (fixture.bob, 50)])))) {
            XCTAssertNotNil(fields($0)["name"])
        }
        XCTAssertEqual(saved.fields.shares.map(\.percent).reduce(0, +), 100)
        XCTAssertEqual(saved.position, 1)
    }

    func testUpdateIsVersionCheckedAndDeleteIsJournaled() throws {
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        let saved = try splitter.create(LeadSplitFilterDraft(
            name: "DE", filter: "country:de", shares: shares([(fixture.alice, 50), (fixture.bob, 50)])))
        var draft = saved.fields
        draft.shares = shares([(fixture.alice, 70), (carol, 30)])
        let updated = try splitter.update(id: saved.id, with: draft, expectedVersion: saved.version)
        XCTAssertEqual(updated.fields.shares, shares([(fixture.alice, 70), (carol, 30)]))
        XCTAssertThrowsError(try splitter.update(id: saved.id, with: draft, expectedVersion: saved.version)) {
            XCTAssertTrue($0 is StaleRecordError<LeadSplitFilter>, "\($0)")
        }
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .leadSplitFilter, id: saved.id)
        XCTAssertTrue(history.contains { $0.field == "shares" && $0.oldValue == "Alice 50%, Bob 50%" && $0.newValue == "Alice 70%, Carol 30%" },
                      "\(history)")
        XCTAssertThrowsError(try splitter.delete(id: saved.id, expectedVersion: saved.version))
        try splitter.delete(id: saved.id, expectedVersion: updated.version)
        XCTAssertThrowsError(try splitter.get(id: saved.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
    }

    func testARunSharesExactlyTheMatchingUnprocessedLeads() throws {
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        let berlin = try addLead("Berlin GmbH", country: "DE")
        let munich = try addLead("Munich AG", country: "DE")
        _ = try addLead("Old GmbH", country: "DE", archived: true)
        let decided = try addLead("Decided GmbH", country: "DE")
        _ = try fixture.db.leads(actingAs: fixture.alice).disqualify(
            id: decided.id, statusID: try fixture.db.leadStatuses.list().first { $0.kind == .disqualified }?.id,
            reason: "No budget", expectedVersion: decided.version)
        let london = try addLead("London Ltd", country: "GB")
        let filter = try splitter.create(LeadSplitFilterDraft(
            name: "Big DACH deals", filter: "country:de", shares: shares([(fixture.alice, 33), (fixture.bob, 33), (carol, 34)])))
        let report = try splitter.run(filterID: filter.id)
        XCTAssertEqual(report.processed, 2)
        XCTAssertEqual(report.filters.map(\.name), ["Big DACH deals"])
        let lines = try splitter.shares(leadID: berlin.id)
        XCTAssertEqual(lines.map(\.userName), ["Carol", "Alice", "Bob"])
        XCTAssertEqual(lines.map(\.percent), [34, 33, 33])
        XCTAssertEqual(Set(lines.map(\.filterName)), ["Big DACH deals"])
        XCTAssertEqual(try splitter.shares(leadID: london.id), [])
        XCTAssertEqual(try fixture.db.leads(actingAs: fixture.alice).get(id: munich.id).history.splitFilterID, filter.id)
        XCTAssertEqual(try splitter.shareTexts(leadIDs: [berlin.id, london.id]), [berlin.id: "Carol 34%, Alice 33%, Bob 33%"])
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .lead, id: berlin.id)
        XCTAssertTrue(history.contains {
            $0.field == "shares" && $0.newValue == "Alice 33%, Bob 33%, Carol 34% by filter ‘Big DACH deals’"
        }, "\(history)")
        // A second run takes nothing: the leads are processed.
        XCTAssertEqual(try splitter.run(filterID: filter.id).processed, 0)
        XCTAssertNotNil(try splitter.get(id: filter.id).lastRunAt)
        XCTAssertEqual(try splitter.list().first?.leads.value, 2)
        XCTAssertEqual(try splitter.unprocessed(.first, limit: 10).map(\.company), ["London Ltd"])
        XCTAssertEqual(try splitter.unprocessed(.first, limit: 10, filter: "country:de").map(\.company), [])
    }

    func testALaterFilterDoesNotRetakeLeads() throws {
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin)
        let berlin = try addLead("Berlin GmbH", country: "DE")
        _ = try addLead("Vienna GmbH", country: "AT")
        _ = try addLead("Paris SA", country: "FR")
        let germany = try splitter.create(LeadSplitFilterDraft(
            name: "Germany", filter: "country:de", shares: shares([(fixture.alice, 50), (fixture.bob, 50)])))
        let dach = try splitter.create(LeadSplitFilterDraft(
            name: "DACH", filter: "country:de,at,ch", shares: shares([(fixture.bob, 20), (carol, 80)])))
        let report = try splitter.runAll()
        XCTAssertEqual(report.filters.map(\.filterID), [germany.id, dach.id])
        XCTAssertEqual(report.filters.map(\.processed), [1, 1])
        XCTAssertEqual(try splitter.shares(leadID: berlin.id).map(\.userName), ["Alice", "Bob"])
        XCTAssertEqual(try splitter.unprocessed(.first, limit: 10).map(\.company), ["Paris SA"])
        // Deleting a filter hands its leads back; the next filter's shares replace the old ones.
        try splitter.delete(id: germany.id, expectedVersion: germany.version)
        XCTAssertEqual(try splitter.run(filterID: dach.id).processed, 1)
        XCTAssertEqual(try splitter.shares(leadID: berlin.id).map(\.userName), ["Carol", "Bob"])
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .lead, id: berlin.id)
        XCTAssertTrue(history.contains { $0.field == "shares" && $0.oldValue == "Alice 50%, Bob 50%" }, "\(history)")
    }

    func testARunOverManyLeadsCommitsInBatches() throws {
        // 20,000 leads, every fourth in France, received over a second in no particular order.
        try fixture.db.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
                INSERT INTO leads (first_name, last_name, company, job_title, email, phone, mobile, website, country,
                    source, status_id, priority, tags, utm_source, utm_medium, utm_campaign, utm_content, description,
                    custom_attributes, created_at, updated_at, display_name, sort_name, search_text)
                SELECT '', '', 'Lead ' || i, '', '', '', '', '', CASE WHEN i % 4 = 0 THEN 'FR' ELSE 'DE' END,
                    '', 1, 'normal', '', '', '', '', '', '', '{}', 1795000000000 + i * 7919 % 977, 1795000000000,
                    'Lead ' || i, 'lead ' || i, ' lead ' || i FROM n
                """)
        }
        let splitter = fixture.db.leadSplitter(actingAs: fixture.admin, transactionRows: 3_000...3_000)
        let filter = try splitter.create(LeadSplitFilterDraft(
            name: "Germany", filter: "country:de", shares: shares([(fixture.alice, 50), (fixture.bob, 50)])))
        let report = try splitter.run(filterID: filter.id)
        XCTAssertEqual(report.processed, 15_000)
        XCTAssertEqual(report.batches, 7, "20,000 leads looked at 3,000 per transaction")
        let counts = try fixture.db.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_shares") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM leads WHERE split_filter_id IS NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE entity = 'lead' AND field = 'shares'") ?? 0)
        }
        XCTAssertEqual(counts.0, 30_000)
        XCTAssertEqual(counts.1, 5_000)
        XCTAssertEqual(counts.2, 15_000)
        XCTAssertEqual(try splitter.list().first?.leads.description, "10,000+")
    }
}
