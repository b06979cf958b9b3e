import CRMCore
import XCTest

/// The primary-account rule of tasks (PR-2).
final class TaskAccountRelationsTests: XCTestCase {
    func testTheFirstRelatedAccountBecomesPrimaryAndMoreKeepIt() throws {
        var relations = TaskAccountRelations()
        XCTAssertNil(relations.primaryID)
        try relations.relate(7)
        XCTAssertEqual(relations.primaryID, 7)
        try relations.relate(3)
        try relations.relate(9)
        XCTAssertEqual(relations.primaryID, 7)
        XCTAssertEqual(relations.accountIDs, [7, 3, 9])
    }

    func testMakePrimarySwitchesOnlyToARelatedAccount() throws {
        var relations = TaskAccountRelations(accountIDs: [7, 3], primaryID: 7)
        try relations.makePrimary(3)
        XCTAssertEqual(relations.primaryID, 3)
        XCTAssertThrowsError(try relations.makePrimary(99)) { error in
            XCTAssertTrue("\(error)".contains("relate it first"), "\(error)")
        }
        XCTAssertEqual(relations.primaryID, 3)
    }

    func testRemovingThePrimaryPromotesTheEarliestRelatedAccountLeft() throws {
        var relations = TaskAccountRelations(accountIDs: [7, 3, 9], primaryID: 3)
        try relations.unrelate(3)
        XCTAssertEqual(relations.primaryID, 7)
        try relations.unrelate(9)
        XCTAssertEqual(relations.primaryID, 7, "removing another account keeps the primary")
        try relations.unrelate(7)
        XCTAssertNil(relations.primaryID)
        XCTAssertEqual(relations.accountIDs, [])
    }

    func testRelatingTwiceAndUnrelatingAStrangerAreRefused() throws {
        var relations = TaskAccountRelations(accountIDs: [7])
        XCTAssertEqual(relations.primaryID, 7, "stored links without a primary get the first one")
        XCTAssertThrowsError(try relations.relate(7))
        XCTAssertThrowsError(try relations.unrelate(8))
        XCTAssertEqual(relations, TaskAccountRelations(accountIDs: [7], primaryID: 7))
    }
}
