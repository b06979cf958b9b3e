import CRMCore
import CRMStore
import XCTest

/// The partner list's filter language (FI-2), saved partner filters (FI-1) and partners in the
/// go-to search (FI-3).
final class PartnerFilterTests: XCTestCase {
    private var fixture: Fixture!
    private var partners: PartnerRepository!

    override func setUpWithError() throws {
        fixture = try Fixture()
        partners = fixture.db.partners(actingAs: fixture.alice)
        for (name, city, country, email) in [
            ("Nordwind Partners", "Hamburg", "Germany", "info@nordwind.example"),
            ("Alpine Advisory", "Zürich", "Switzerland", ""),
            ("Škoda Consulting", "Brno", "Czechia", "office@skoda-consulting.example"),
        ] {
            var draft = PartnerDraft(name: name)
            draft.city = city
            draft.country = country
            draft.email = email
            _ = try (name == "Alpine Advisory" ? fixture.db.partners(actingAs: fixture.bob) : partners).create(draft)
        }
    }

    private func names(_ filter: String) throws -> [String] {
        try partners.page(PartnerQuery(filter: filter), .first, limit: 10).map(\.name)
    }

    func testFieldsOfThePartnerCatalog() throws {
        XCTAssertEqual(try names("city:zurich"), ["Alpine Advisory"])
        XCTAssertEqual(try names("country:germany,czechia"), ["Nordwind Partners", "Škoda Consulting"])
        XCTAssertEqual(try names("name:skoda"), ["Škoda Consulting"])
        XCTAssertEqual(try names("email:none"), ["Alpine Advisory"])
        XCTAssertEqual(try names("-email:none"), ["Nordwind Partners", "Škoda Consulting"])
        XCTAssertEqual(try names("creator:bob"), ["Alpine Advisory"])
        XCTAssertEqual(try names("creator:me country:germany"), ["Nordwind Partners"])
        XCTAssertEqual(try names("created:today"), ["Alpine Advisory", "Nordwind Partners", "Škoda Consulting"])
        XCTAssertEqual(try partners.count(PartnerQuery(filter: "city:hamburg | city:brno")).value, 2)
        XCTAssertEqual(try names("consulting city:brno"), ["Škoda Consulting"], "plain words still go to the search index")
    }

    func testUnknownFieldsAreErrorsWithPositions() throws {
        XCTAssertThrowsError(try names("cuntry:germany")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("Unknown field \"cuntry\""), message)
            XCTAssertTrue(message.contains("country"), "suggests the near field: \(message)")
        }
        XCTAssertThrowsError(try names("amount>5")) { error in
            XCTAssertTrue(String(describing: error).contains("amount"), "\(error)")
        }
    }

    func testSavedPartnerFiltersAreCheckedAgainstTheCatalog() throws {
        let saved = fixture.db.savedFilters(actingAs: fixture.alice)
        let germans = try saved.create(SavedFilterDraft(name: "German partners", list: .partners, query: "country:germany"))
        XCTAssertEqual(try saved.list(.partners).map(\.id), [germans.id])
        XCTAssertThrowsError(try saved.create(SavedFilterDraft(name: "Bad", list: .partners, query: "status:open"))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["query"], "a field partners do not have")
        }
    }

    func testGotoFindsPartners() throws {
        let hits = try fixture.db.search(actingAs: fixture.bob).search("nordw")
        let partner = try XCTUnwrap(hits.first { $0.entity == .partner })
        XCTAssertEqual(partner.title, "Nordwind Partners")
        XCTAssertEqual(partner.subtitle, "Hamburg · Germany")
        XCTAssertEqual(try fixture.db.search(actingAs: fixture.alice).search("skoda cons").map(\.title), ["Škoda Consulting"])
    }
}
