import CRMCore
import CRMStore
import XCTest

final class SavedFilterTests: XCTestCase {
    func testPersonalFiltersAreOwnPublicOnesShared() throws {
        let fixture = try Fixture()
        let alice = fixture.db.savedFilters(actingAs: fixture.alice)
        _ = try alice.create(SavedFilterDraft(name: "Mine", list: .accounts, query: "city:Brno"))
        _ = try alice.create(SavedFilterDraft(name: "Team", list: .accounts, query: "key:yes", columns: ["Name", "City"],
                                              sort: "city", ascending: false, isPublic: true))
        XCTAssertEqual(try alice.list(.accounts).map(\.name), ["Mine", "Team"])
        let bobSees = try fixture.db.savedFilters(actingAs: fixture.bob).list(.accounts)
        XCTAssertEqual(bobSees.map(\.name), ["Team"])
        XCTAssertEqual(bobSees.first?.fields.columns, ["Name", "City"])
        XCTAssertEqual(bobSees.first?.fields.sort, "city")
        XCTAssertEqual(bobSees.first?.fields.ascending, false)
        XCTAssertEqual(try fixture.db.savedFilters(actingAs: fixture.bob).list(.contacts), [])
    }

    func testOnlyTheOwnerOrAnAdminChangesAFilter() throws {
        let fixture = try Fixture()
        let team = try fixture.db.savedFilters(actingAs: fixture.alice)
            .create(SavedFilterDraft(name: "Team", list: .opportunities, isPublic: true))
        var renamed = team.fields
        renamed.name = "Bob's now"
        XCTAssertThrowsError(try fixture.db.savedFilters(actingAs: fixture.bob).update(id: team.id, with: renamed, expectedVersion: 1))
        XCTAssertThrowsError(try fixture.db.savedFilters(actingAs: fixture.bob).delete(id: team.id, expectedVersion: 1))
        let byAdmin = try fixture.db.savedFilters(actingAs: fixture.admin).update(id: team.id, with: renamed, expectedVersion: 1)
        XCTAssertEqual(byAdmin.name, "Bob's now")
        XCTAssertThrowsError(try fixture.db.savedFilters(actingAs: fixture.alice).update(id: team.id, with: renamed, expectedVersion: 1)) {
            XCTAssertTrue($0 is StaleRecordError<SavedFilter>, "\($0)")
        }
    }

    func testNamesAreUniquePerOwnerAndList() throws {
        let fixture = try Fixture()
        let alice = fixture.db.savedFilters(actingAs: fixture.alice)
        _ = try alice.create(SavedFilterDraft(name: "Hot", list: .opportunities))
        XCTAssertThrowsError(try alice.create(SavedFilterDraft(name: "Hot", list: .opportunities))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["name"])
        }
        XCTAssertNoThrow(try alice.create(SavedFilterDraft(name: "Hot", list: .accounts)))
        XCTAssertNoThrow(try fixture.db.savedFilters(actingAs: fixture.bob).create(SavedFilterDraft(name: "Hot", list: .opportunities)))
    }

    func testRoleDefaultsArePublicAndSetByAdmins() throws {
        let fixture = try Fixture()
        let admin = fixture.db.savedFilters(actingAs: fixture.admin)
        let personal = try admin.create(SavedFilterDraft(name: "Private view", list: .opportunities))
        XCTAssertThrowsError(try admin.setRoleDefault(.salesRep, list: .opportunities, filterID: personal.id))
        let pipeline = try admin.create(SavedFilterDraft(name: "Open pipeline", list: .opportunities, query: "status:open",
                                                         isPublic: true))
        XCTAssertThrowsError(try fixture.db.savedFilters(actingAs: fixture.alice)
            .setRoleDefault(.salesRep, list: .opportunities, filterID: pipeline.id))
        try admin.setRoleDefault(.salesRep, list: .opportunities, filterID: pipeline.id)
        XCTAssertEqual(try fixture.db.savedFilters(actingAs: fixture.alice).roleDefault(for: .opportunities)?.name, "Open pipeline")
        XCTAssertNil(try admin.roleDefault(for: .opportunities), "the admin role has no default")
        var hidden = try XCTUnwrap(admin.list(.opportunities).first { $0.id == pipeline.id }).fields
        hidden.isPublic = false
        XCTAssertThrowsError(try admin.update(id: pipeline.id, with: hidden, expectedVersion: 1), "a role default stays public")
    }
}
