import CRMCore
import XCTest

final class SearchTextTests: XCTestCase {
    func testFoldStripsDiacriticsAndCase() {
        XCTAssertEqual(SearchText.fold("Čeněk"), "cenek")
        XCTAssertEqual(SearchText.fold("Müller"), "muller")
        XCTAssertEqual(SearchText.fold("Příliš žluťoučký kůň"), "prilis zlutoucky kun")
        XCTAssertEqual(SearchText.fold("Größe GmbH"), "grosse gmbh")
        XCTAssertEqual(SearchText.fold("Łódź Øresund"), "lodz oresund")
    }

    func testFoldCollapsesWhitespace() {
        XCTAssertEqual(SearchText.fold("  van der\t\tBerg \n"), "van der berg")
        XCTAssertEqual(SearchText.fold("  Dvořák\u{A0}\u{A0}Antonín "), "dvorak antonin")
    }

    func testJapaneseKeepsItsMarks() {
        XCTAssertEqual(SearchText.fold("山田 太郎"), "山田 太郎")
        XCTAssertEqual(SearchText.fold("ガス株式会社"), "ガス株式会社")
    }

    func testWordsSplitOnPunctuation() {
        XCTAssertEqual(SearchText.words("jan.novak@firma.cz"), ["jan", "novak", "firma", "cz"])
        XCTAssertEqual(SearchText.words("o'brien & co."), ["o", "brien", "co"])
    }

    func testKeyPrefixesEveryWordWithASpace() {
        XCTAssertEqual(SearchText.key(["Jan Dvořák", "", "jan@x.cz"]), " jan dvorak jan x cz")
    }

    func testFilterTokensDropSyntaxAndDuplicates() {
        XCTAssertEqual(SearchText.filterTokens("\"Dvoř* OR ' -- %_"), ["dvor", "or"])
        XCTAssertEqual(SearchText.filterTokens("ja ja"), ["ja"])
        XCTAssertEqual(SearchText.filterTokens("*'\""), [])
    }
}
