import CRMCore
import Foundation
import XCTest

/// Property tests: whatever amount the app displays, typing that text back gives the same amount,
/// and whatever the readers accept reads back the same once displayed. A seeded generator keeps
/// every run the same, so a failure names an input that can be replayed.
final class MoneyRoundTripTests: XCTestCase {
    /// SplitMix64: small, fast and fully determined by its seed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Currencies of every minor-unit count: 0 (JPY), 2 (EUR, CZK), 3 (KWD) and 4 (CLF).
    private let currencies = ["JPY", "EUR", "CZK", "KWD", "CLF"].map { try! Currency(code: $0) }
    /// The largest magnitude of minor units the store keeps.
    private let limit: Int64 = 999_999_999_999_999

    /// Minor units spread over every magnitude: zero, the limits, small and huge, both signs.
    private func minorUnits(_ random: inout SeededGenerator) -> Int64 {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return [0, 1, -1, limit, -limit, 999, 1_000, -1_000, 100_000][Int.random(in: 0..<9, using: &random)]
        case 1...4:
            let digits = Int.random(in: 1...15, using: &random)
            var magnitude: Int64 = 1
            for _ in 1..<digits { magnitude *= 10 }
            let value = Int64.random(in: 0...min(limit, magnitude * 10 - 1), using: &random)
            return Bool.random(using: &random) ? -value : value
        default:
            return Int64.random(in: -limit...limit, using: &random)
        }
    }

    func testFormattingAnyAmountAndTypingItBackGivesTheSameAmount() throws {
        var random = SeededGenerator(state: 20_261_117)
        for _ in 0..<20_000 {
            let currency = currencies[Int.random(in: 0..<currencies.count, using: &random)]
            let money = Money(minorUnits: minorUnits(&random), currency)
            for shown in [MoneyDisplay.amount(money), MoneyDisplay.text(money), money.amountText()] {
                let typed = try MoneyInput.read(shown, currency: currency)
                XCTAssertEqual(typed, money, "typing “\(shown)” back")
                XCTAssertEqual(typed.minorUnits, money.minorUnits, "typing “\(shown)” back")
            }
            // The filter language reads the plain amount the same way.
            let literal = FilterLiteral(money.amountText() + currency.code, range: FilterRange(0, 1))
            let (value, code) = try FilterNumbers.amount(literal)
            XCTAssertEqual(value, money.amount)
            XCTAssertEqual(code, currency)
        }
    }

    func testAnythingTheReaderTakesReadsBackTheSameOnceDisplayed() {
        var random = SeededGenerator(state: 52_000)
        let alphabet = Array("0123456789,.  -+kMbEUR")
        let eur = currencies[1]
        var accepted = 0
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...12, using: &random)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            guard let money = try? MoneyInput.read(text, currency: eur) else { continue }
            accepted += 1
            XCTAssertEqual(try? MoneyInput.read(MoneyDisplay.text(money), currency: eur), money, "“\(text)”")
            XCTAssertNotNil(money.minorUnits, "“\(text)” was accepted but cannot be stored")
        }
        XCTAssertGreaterThan(accepted, 1_000, "the alphabet makes enough valid amounts to test")
    }
}
