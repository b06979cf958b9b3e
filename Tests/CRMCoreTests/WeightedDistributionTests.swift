import CRMCore
import XCTest

final class WeightedDistributionTests: XCTestCase {
    private func shares(_ weights: [Int64]) -> [SellerShare] {
        weights.enumerated().map { SellerShare(sellerID: Int64($0.offset + 1), weight: $0.element) }
    }

    /// Deals `count` leads and checks after each one that every seller is within one lead of
    /// its exact share of the leads dealt so far; returns the final counts by seller.
    private func dealAndCheck(_ distribution: inout WeightedDistribution, count: Int,
                              file: StaticString = #filePath, line: UInt = #line) -> [SellerID: Int64] {
        let weights = distribution.shares
        let total = weights.reduce(0) { $0 + $1.weight }
        var counts: [SellerID: Int64] = [:]
        for dealt in 1...Int64(count) {
            counts[distribution.next(), default: 0] += 1
            for share in weights {
                // |count − dealt × weight / total| ≤ 1, in integers.
                let gap = (counts[share.sellerID] ?? 0) * total - dealt * share.weight
                if gap.magnitude > total {
                    XCTFail("seller \(share.sellerID) off by more than one after \(dealt) leads", file: file, line: line)
                    return counts
                }
            }
        }
        return counts
    }

    func testFiftyThirtyTwentyHoldsAtEveryPrefix() throws {
        var distribution = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20])))
        let counts = dealAndCheck(&distribution, count: 1_000)
        XCTAssertEqual(counts, [1: 500, 2: 300, 3: 200])
    }

    func testNearlyEqualThirds() throws {
        var distribution = try XCTUnwrap(WeightedDistribution(shares: shares([33, 33, 34])))
        let counts = dealAndCheck(&distribution, count: 1_000)
        XCTAssertEqual(counts, [1: 330, 2: 330, 3: 340])
    }

    func testUnevenWeightsHoldToo() throws {
        for weights: [Int64] in [[1, 2], [7, 3, 1, 1], [97, 2, 1], [5, 5, 5, 5, 5, 1], [13, 8, 5, 3, 2, 1, 1]] {
            var distribution = try XCTUnwrap(WeightedDistribution(shares: shares(weights)))
            _ = dealAndCheck(&distribution, count: 500)
        }
    }

    func testASingleSellerGetsEveryLead() throws {
        var distribution = try XCTUnwrap(WeightedDistribution(shares: [SellerShare(sellerID: 9, weight: 3)]))
        XCTAssertEqual((0..<5).map { _ in distribution.next() }, [9, 9, 9, 9, 9])
    }

    func testSavedStateContinuesTheSameSequence() throws {
        var uninterrupted = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20])))
        var restarted = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20])))
        for _ in 0..<37 { XCTAssertEqual(uninterrupted.next(), restarted.next()) }
        let saved = try JSONEncoder().encode(restarted.state)
        let loaded = try JSONDecoder().decode(WeightedDistribution.State.self, from: saved)
        restarted = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20]), state: loaded))
        XCTAssertEqual(restarted.state.credits.reduce(0, +), 0)
        let expected = (0..<200).map { _ in uninterrupted.next() }
        XCTAssertEqual((0..<200).map { _ in restarted.next() }, expected)
    }

    func testChangedWeightsConvergeToTheNewSharesFromThenOn() throws {
        var distribution = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20])))
        for _ in 0..<123 { _ = distribution.next() }
        let before = distribution.state
        var changed = try XCTUnwrap(WeightedDistribution(shares: shares([20, 30, 50]), state: before))
        XCTAssertEqual(changed.shares, shares([20, 30, 50]))
        let counts = dealAndCheck(&changed, count: 1_000)
        XCTAssertEqual(counts, [1: 200, 2: 300, 3: 500])
        // A seller joining or leaving is a change of shares too.
        var joined = try XCTUnwrap(WeightedDistribution(shares: shares([50, 30, 20, 100]), state: before))
        XCTAssertEqual(dealAndCheck(&joined, count: 200), [1: 50, 2: 30, 3: 20, 4: 100])
    }

    func testUnusableSharesMakeNoDistribution() {
        XCTAssertNil(WeightedDistribution(shares: []))
        XCTAssertNil(WeightedDistribution(shares: shares([5, 0])))
        XCTAssertNil(WeightedDistribution(shares: shares([5, -1])))
        XCTAssertNil(WeightedDistribution(shares: [SellerShare(sellerID: 1, weight: 1), SellerShare(sellerID: 1, weight: 1)]))
    }
}
