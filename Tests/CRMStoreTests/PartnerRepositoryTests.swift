import CRMCore
import CRMStore
import XCTest

final class PartnerRepositoryTests: XCTestCase {
    private func partner(_ name: String, city: String = "") -> PartnerDraft {
        var draft = PartnerDraft(name: name)
        draft.city = city
        return draft
    }

    func testCreateValidatesAndJournals() throws {
        let fixture = try Fixture()
        let partners = fixture.db.partners(actingAs: fixture.alice)
        XCTAssertThrowsError(try partners.create(PartnerDraft(name: "  "))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["name"])
        }
        var bad = partner("Nordwind")
        bad.email = "not an address"
        XCTAssertThrowsError(try partners.create(bad)) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["email"])
        }
        XCTAssertEqual(try partners.count(PartnerQuery()).value, 0, "refused drafts leave nothing behind")

        let created = try partners.create(partner("Nordwind Partners", city: "Hamburg"))
        XCTAssertEqual(try partners.get(id: created.id), created)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .partner, id: created.id)
        XCTAssertEqual(Set(history.compactMap(\.field)), ["name", "city"])
    }

    func testStaleUpdateAndDeleteAreRefused() throws {
        let fixture = try Fixture()
        let created = try fixture.db.partners(actingAs: fixture.alice).create(partner("Alpine Advisory"))
        var renamed = created.fields
        renamed.name = "Alpine Advisory AG"
        let updated = try fixture.db.partners(actingAs: fixture.bob).update(id: created.id, with: renamed, expectedVersion: 1)
        XCTAssertEqual(updated.version, 2)

        var other = created.fields
        other.city = "Zürich"
        XCTAssertThrowsError(
            try fixture.db.partners(actingAs: fixture.alice).update(id: created.id, with: other, expectedVersion: 1)
        ) { error in
            XCTAssertEqual((error as? StaleRecordError<Partner>)?.fresh.name, "Alpine Advisory AG")
        }
        XCTAssertThrowsError(try fixture.db.partners(actingAs: fixture.alice).delete(id: created.id, expectedVersion: 1))
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .partner, id: created.id)
        XCTAssertEqual(history.filter { $0.action == .update }.map(\.newValue), ["Alpine Advisory AG"])
    }

    func testPagesByNameAndFiltersThroughTheSearchIndex() throws {
        let fixture = try Fixture()
        let partners = fixture.db.partners(actingAs: fixture.admin)
        for (name, city) in [("Škoda Consulting", "Plzeň"), ("Baltic Systems", "Riga"), ("Alpine Advisory", "Zürich"),
                             ("Danube Digital", "Wien"), ("Čermák Integration", "Brno")] {
            _ = try partners.create(partner(name, city: city))
        }
        let all = try partners.page(PartnerQuery(), .first, limit: 10).map(\.name)
        XCTAssertEqual(all, ["Alpine Advisory", "Baltic Systems", "Čermák Integration", "Danube Digital", "Škoda Consulting"])
        let firstTwo = try partners.page(PartnerQuery(), .first, limit: 2)
        let next = try partners.page(PartnerQuery(), .after(PartnerQuery().cursor(for: firstTwo[1])), limit: 2)
        XCTAssertEqual(next.map(\.name), ["Čermák Integration", "Danube Digital"])
        XCTAssertEqual(try partners.page(PartnerQuery(ascending: false), .first, limit: 1).map(\.name), ["Škoda Consulting"])

        XCTAssertEqual(try partners.page(PartnerQuery(filter: "plzen"), .first, limit: 10).map(\.name), ["Škoda Consulting"])
        XCTAssertEqual(try partners.page(PartnerQuery(filter: "cer"), .first, limit: 10).map(\.name), ["Čermák Integration"])
        XCTAssertEqual(try partners.count(PartnerQuery(filter: "s")).value, 2)

        // A rename moves the partner in name order and in the search index.
        let baltic = try XCTUnwrap(partners.page(PartnerQuery(filter: "baltic"), .first, limit: 1).first)
        var renamed = baltic.fields
        renamed.name = "Zenith Systems"
        _ = try partners.update(id: baltic.id, with: renamed, expectedVersion: baltic.version)
        XCTAssertEqual(try partners.page(PartnerQuery(), .last, limit: 1).map(\.name), ["Zenith Systems"])
        XCTAssertEqual(try partners.count(PartnerQuery(filter: "baltic")).value, 0)
        XCTAssertEqual(try partners.page(PartnerQuery(filter: "zenith"), .first, limit: 5).map(\.id), [baltic.id])
    }

    func testConsultantsAreLinkedOnePartnerAtATime() throws {
        let fixture = try Fixture()
        let partners = fixture.db.partners(actingAs: fixture.alice)
        let nordwind = try partners.create(partner("Nordwind Partners"))
        let alpine = try partners.create(partner("Alpine Advisory"))
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let zoe = try contacts.create(fixture.person("Zoë", "Martin"))
        let jan = try contacts.create(fixture.person("Jan", "Dvořák"))

        try partners.addConsultant(partnerID: nordwind.id, contactID: zoe.id)
        try partners.addConsultant(partnerID: nordwind.id, contactID: jan.id)
        try partners.addConsultant(partnerID: nordwind.id, contactID: jan.id)
        XCTAssertEqual(try partners.consultants(of: nordwind.id).map(\.displayName), ["Jan Dvořák", "Zoë Martin"])
        XCTAssertThrowsError(try partners.addConsultant(partnerID: alpine.id, contactID: jan.id)) { error in
            XCTAssertTrue("\(error)".contains("already a consultant of Nordwind Partners"), "\(error)")
        }
        XCTAssertThrowsError(try partners.removeConsultant(partnerID: alpine.id, contactID: jan.id))

        try partners.removeConsultant(partnerID: nordwind.id, contactID: jan.id)
        XCTAssertEqual(try partners.consultants(of: nordwind.id).map(\.id), [zoe.id])
        try partners.addConsultant(partnerID: alpine.id, contactID: jan.id)
        XCTAssertEqual(try partners.consultants(of: alpine.id).map(\.id), [jan.id])
        let links = try fixture.db.journal(actingAs: fixture.alice).history(of: .contact, id: jan.id)
            .filter { $0.field == "partnerID" }.map { [$0.oldValue ?? "", $0.newValue ?? ""] }
        XCTAssertEqual(Set(links), [["", String(nordwind.id)], [String(nordwind.id), ""], ["", String(alpine.id)]])
    }

    func testConsultantsOfPrivateAccountsStayHidden() throws {
        let fixture = try Fixture()
        var hidden = fixture.company("Secret Ltd")
        hidden.isPrivate = true
        let account = try fixture.db.accounts(actingAs: fixture.bob).create(hidden)
        var draft = fixture.person("Hana", "Kučerová")
        draft.accountID = account.id
        let contact = try fixture.db.contacts(actingAs: fixture.bob).create(draft)
        let partner = try fixture.db.partners(actingAs: fixture.bob).create(partner("Nordwind Partners"))
        XCTAssertThrowsError(try fixture.db.partners(actingAs: fixture.alice).addConsultant(partnerID: partner.id, contactID: contact.id)) { error in
            XCTAssertTrue(error is RecordNotFoundError, "\(error)")
        }
        try fixture.db.partners(actingAs: fixture.bob).addConsultant(partnerID: partner.id, contactID: contact.id)
        XCTAssertEqual(try fixture.db.partners(actingAs: fixture.bob).consultants(of: partner.id).count, 1)
        XCTAssertEqual(try fixture.db.partners(actingAs: fixture.alice).consultants(of: partner.id).count, 0)
    }

    func testDeleteIsRefusedWhileOpportunitiesAreAssigned() throws {
        let fixture = try Fixture()
        let partners = fixture.db.partners(actingAs: fixture.alice)
        let nordwind = try partners.create(partner("Nordwind Partners"))
        let consultant = try fixture.db.contacts(actingAs: fixture.alice).create(fixture.person("Lena", "Weiß"))
        try partners.addConsultant(partnerID: nordwind.id, contactID: consultant.id)
        let status = try XCTUnwrap(fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first)
        var draft = OpportunityDraft(name: "Fleet renewal", statusID: status.id)
        draft.partnerID = nordwind.id
        let opportunities = fixture.db.opportunities(actingAs: fixture.alice)
        let deal = try opportunities.create(draft)

        XCTAssertThrowsError(try partners.delete(id: nordwind.id, expectedVersion: nordwind.version)) { error in
            XCTAssertEqual((error as? RuleViolationError)?.message.hasPrefix("Nordwind Partners is assigned to 1 opportunity"), true)
        }
        XCTAssertEqual(try partners.consultants(of: nordwind.id).count, 1, "a refused delete changes nothing")

        draft.partnerID = nil
        _ = try opportunities.update(id: deal.id, with: draft, expectedVersion: deal.version)
        try partners.delete(id: nordwind.id, expectedVersion: nordwind.version)
        XCTAssertThrowsError(try partners.get(id: nordwind.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
        XCTAssertEqual(try fixture.db.contacts(actingAs: fixture.alice).get(id: consultant.id).displayName, "Lena Weiß",
                       "the consultant stays as a contact")
        XCTAssertEqual(try partners.count(PartnerQuery()).value, 0)
    }
}
