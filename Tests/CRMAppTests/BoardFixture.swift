import CRMCore
import CRMStore
import Foundation
import XCTest

/// A small fixed pipeline in the harness database for board tests: a few opportunities per
/// status, amounts in EUR, USD (with a rate) and JPY (without one), a wide-character name.
struct BoardFixture {
    let statuses: [String: OpportunityStatus]
    let opportunities: [String: Opportunity]

    init(_ harness: AppHarness) throws {
        let database = harness.database
        let admin = harness.user
        let list = try database.opportunityStatuses(actingAs: admin).list()
        statuses = Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
        _ = try database.moneySettings(actingAs: admin)
            .setRate(Decimal(string: "0.9")!, for: try Currency(code: "USD"), from: CalendarDate(parsing: "2020-01-01")!)
        let accounts = try database.accounts(actingAs: admin).page(AccountQuery(), .first, limit: 3)
        let users = Dictionary(uniqueKeysWithValues: try database.users.list().map { ($0.login, $0.id) })
        let rows: [(String, String, Int?, String?, String?, String?, String?)] = [
            // name, status, account, amount, currency, close, owner
            ("Fleet renewal", "Prospecting", nil, nil, nil, nil, nil),
            ("Pilot Ústí", "Prospecting", 0, "1200", "EUR", "2026-12-15", "eva.kralova"),
            ("東京 expansion programme", "Prospecting", 1, "500000", "JPY", "2027-03-01", "yuki.tanaka"),
            ("Cloud migration", "Qualification", 1, nil, nil, nil, "jan.novak"),
            ("Support renewal", "Proposal", 2, "25000", "USD", "2027-01-31", "lena.mueller"),
            ("Licence upgrade", "Negotiation", 0, "80000", "EUR", "2026-12-01", "jan.novak"),
            ("Training", "Won", 1, "4500.50", "EUR", "2026-10-01", "pieter.devries"),
        ]
        var made: [String: Opportunity] = [:]
        let repository = database.opportunities(actingAs: admin)
        for (name, status, account, amount, currency, close, owner) in rows {
            var draft = OpportunityDraft(name: name, statusID: try XCTUnwrap(statuses[status]).id)
            draft.accountID = account.map { accounts[$0].id }
            if let amount, let currency { draft.amount = Money(Decimal(string: amount)!, try Currency(code: currency)) }
            draft.expectedClose = close.flatMap(CalendarDate.init(parsing:))
            draft.ownerID = owner.flatMap { users[$0] }
            made[name] = try repository.create(draft)
        }
        opportunities = made
    }
}
