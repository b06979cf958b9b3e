import CRMCore
import Foundation
import GRDB

/// Deterministic demo sales activities (SA-1) on demo opportunities and accounts: calls,
/// meetings, e-mails and notes in working hours over the last two years, with outcomes and
/// descriptions that read like a salesperson's log.
///
/// Rows get the same copied columns as `SalesActivityRepository` writes (timeline account,
/// private owner), and each a journal `create` row, so they behave like rows saved in the app.
/// The demo generator calls `insert` after it has made the opportunities.
enum DemoActivities {
    /// What an activity needs to know about the opportunity it is about.
    struct OpportunityRef {
        let id: Int64
        let accountID: Int64?
        let ownerID: Int64?

        init(id: Int64, accountID: Int64?, ownerID: Int64?) {
            self.id = id
            self.accountID = accountID
            self.ownerID = ownerID
        }
    }

    /// Inserts `count` activities, about three in five on opportunities (when there are any)
    /// and the rest on accounts; returns how many were inserted.
    ///
    /// Owners come from `reps`, except on private accounts, whose activities belong to the
    /// account's creator (the only one who can see them).
    @discardableResult
    static func insert(
        _ db: Database, random: inout SplitMix64, opportunities: [OpportunityRef],
        accounts: [DemoRecordMaker.AccountSummary], reps: [Int64], count: Int, reference: Date
    ) throws -> Int {
        guard !accounts.isEmpty || !opportunities.isEmpty, !reps.isEmpty, count > 0 else { return 0 }
        let categories = try Row.fetchAll(db, sql: "SELECT id, name FROM activity_categories ORDER BY position, id")
            .map { (id: $0["id"] as Int64, name: $0["name"] as String) }
        guard !categories.isEmpty else { return 0 }
        let accountsByID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let insert = try db.cachedStatement(sql: """
            INSERT INTO sales_activities (category_id, at, duration_minutes, outcome, description, owner_id,
                opportunity_id, account_id, timeline_account_id, private_owner_id, created_by_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let journal = try db.cachedStatement(sql: """
            INSERT INTO journal (at, user_id, entity, entity_id, action) VALUES (?, ?, ?, ?, 'create')
            """)
        for _ in 0..<count {
            let onOpportunity = !opportunities.isEmpty && (accounts.isEmpty || random.next() % 5 < 3)
            var opportunityID: Int64?, accountID: Int64?, timelineAccount: Int64?, ownerHint: Int64?
            if onOpportunity {
                let opportunity = random.pick(opportunities)
                (opportunityID, timelineAccount, ownerHint) = (opportunity.id, opportunity.accountID, opportunity.ownerID)
            } else {
                let account = random.pick(accounts)
                (accountID, timelineAccount) = (account.id, account.id)
            }
            let privateAccount = timelineAccount.flatMap { accountsByID[$0] }.flatMap { $0.isPrivate ? $0 : nil }
            let owner = privateAccount?.creatorID ?? ownerHint ?? random.pick(reps)
            let category = random.pick(categories)
            let entry = DemoActivityText.entry(for: category.name, random: &random)
            let at = workingMoment(before: reference, random: &random)
            let saved = min(at.addingTimeInterval(Double(entry.minutes * 60)), reference).millisecondsSince1970
            try insert.execute(arguments: [
                category.id, at.millisecondsSince1970, entry.minutes, entry.outcome, entry.description, owner,
                opportunityID, accountID, timelineAccount, privateAccount?.creatorID, owner, saved, saved,
            ])
            try journal.execute(arguments: [saved, owner, EntityKind.salesActivity.rawValue, db.lastInsertedRowID])
        }
        return count
    }

    /// A weekday quarter hour between 08:00 and 17:45 UTC within the two years before `reference`.
    static func workingMoment(before reference: Date, random: inout SplitMix64) -> Date {
        let day = 86_400.0
        let today = (reference.timeIntervalSince1970 / day).rounded(.down) * day
        var start = today - Double(random.next() % 730) * day
        // 1970-01-01 was a Thursday: day number + 3 modulo 7 counts from Monday.
        while Int(start / day + 3) % 7 >= 5 { start -= day }
        let quarter = Double(random.next() % 40) * 900
        return Date(timeIntervalSince1970: min(start + 8 * 3_600 + quarter, reference.timeIntervalSince1970))
    }
}
