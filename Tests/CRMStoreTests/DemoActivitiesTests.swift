import CRMCore
@testable import CRMStore
import Foundation
import XCTest

final class DemoActivitiesTests: XCTestCase {
    private let reference = Date(timeIntervalSince1970: 1_748_736_000)

    /// A small database with an open and a private account, an opportunity on each, and 60 demo
    /// activities made from `seed`.
    private func generate(seed: UInt64) throws -> (Fixture, [DemoRecordMaker.AccountSummary]) {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let open = try accounts.create(fixture.company("Open GmbH"))
        var secret = fixture.company("Secret s.r.o.")
        secret.isPrivate = true
        let hidden = try accounts.create(secret)
        let status = try XCTUnwrap(fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first)
        var refs: [DemoActivities.OpportunityRef] = []
        for account in [open, hidden] {
            var draft = OpportunityDraft(name: "Deal with \(account.displayName)", statusID: status.id)
            draft.accountID = account.id
            let opportunity = try fixture.db.opportunities(actingAs: fixture.alice).create(draft)
            refs.append(.init(id: opportunity.id, accountID: account.id, ownerID: fixture.bob.id))
        }
        let summaries = [open, hidden].map {
            DemoRecordMaker.AccountSummary(
                id: $0.id, locale: DemoLocale.all[0], mailDomain: "example.com", isPrivate: $0.isPrivate,
                creatorID: $0.createdByID, displayName: $0.displayName)
        }
        var random = SplitMix64(seed: seed)
        let inserted = try fixture.db.writer.write { db in
            try DemoActivities.insert(db, random: &random, opportunities: refs, accounts: summaries,
                                      reps: [fixture.alice.id, fixture.bob.id], count: 60, reference: reference)
        }
        XCTAssertEqual(inserted, 60)
        return (fixture, summaries)
    }

    private func timeline(_ fixture: Fixture, _ account: Int64, as user: User) throws -> [SalesActivity] {
        try fixture.db.salesActivities(actingAs: user).timeline(of: .account(account), .first, limit: 100)
    }

    func testDemoActivitiesAreDeterministicAndReadLikeSavedOnes() throws {
        let (first, accounts) = try generate(seed: 7)
        let (second, _) = try generate(seed: 7)
        let all = try accounts.flatMap { try timeline(first, $0.id, as: first.alice) }
        XCTAssertEqual(all.count, 60)
        XCTAssertEqual(try accounts.flatMap { try timeline(second, $0.id, as: second.alice) }.map(\.fields),
                       all.map(\.fields))
        XCTAssertTrue(all.contains { $0.opportunityName != nil } && all.contains { $0.opportunityName == nil })
        XCTAssertEqual(Set(all.map(\.categoryName)).subtracting(["Call", "Meeting", "E-mail", "Note"]), [])
        XCTAssertTrue(all.allSatisfy { $0.at <= reference && $0.at > reference.addingTimeInterval(-731 * 86_400) })
        XCTAssertTrue(all.allSatisfy { !$0.outcome.isEmpty && $0.fields.validate().isEmpty })

        // Activities on the private account (directly or through its opportunity) belong to its
        // creator and stay hidden from everyone else.
        let secret = try XCTUnwrap(accounts.first { $0.isPrivate })
        let hidden = try timeline(first, secret.id, as: first.alice)
        XCTAssertFalse(hidden.isEmpty)
        XCTAssertTrue(hidden.allSatisfy { $0.ownerID == first.alice.id })
        XCTAssertEqual(try timeline(first, secret.id, as: first.bob).count, 0)

        // A demo row can be edited like any other.
        let sample = try XCTUnwrap(all.first)
        var edit = sample.fields
        edit.outcome = "Edited"
        let saved = try first.db.salesActivities(actingAs: first.alice).update(id: sample.id, with: edit, expectedVersion: sample.version)
        XCTAssertEqual(saved.outcome, "Edited")
    }

    func testWorkingMomentsFallOnWeekdaysInOfficeHours() {
        var random = SplitMix64(seed: 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<200 {
            let moment = DemoActivities.workingMoment(before: reference, random: &random)
            let parts = calendar.dateComponents([.weekday, .hour], from: moment)
            XCTAssertFalse([1, 7].contains(parts.weekday!), "\(moment) is a weekend")
            XCTAssertTrue((8..<18).contains(parts.hour!), "\(moment) is outside office hours")
        }
    }
}
