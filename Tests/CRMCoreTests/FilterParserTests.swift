import CRMCore
import XCTest

final class FilterParserTests: XCTestCase {
    private func tree(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try FilterParser.parse(text)?.description ?? "nil"
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    private func failure(_ text: String) -> String {
        do {
            let parsed = try FilterParser.parse(text)
            return "parsed: \(parsed?.description ?? "nil")"
        } catch {
            return error.description
        }
    }

    func testJuxtapositionBindsTighterThanOr() {
        XCTAssertEqual(tree("a b OR c"), "(or (and a b) c)")
        XCTAssertEqual(tree("a OR b c"), "(or a (and b c))")
        XCTAssertEqual(tree("a | b | c"), "(or a b c)")
        XCTAssertEqual(tree("a AND b or c"), "(or (and a b) c)")
        XCTAssertEqual(tree("(a OR b) c"), "(and (or a b) c)")
    }

    func testACurrencyAfterASpaceBelongsToTheAmountBeforeIt() {
        XCTAssertEqual(tree("value>=1000 EUR"), tree("value>=1000EUR"))
        XCTAssertEqual(tree("value>=1000 EUR source:web"), tree("value>=1000EUR source:web"))
        XCTAssertNotEqual(tree("value>1000 new"), tree("value>1000new"), "lower case stays a search word")
        XCTAssertNotEqual(tree("source:web EUR"), tree("source:webEUR"), "only after a number")
    }

    func testNegationBindsTighterThanAnd() {
        XCTAssertEqual(tree("-a b"), "(and (not a) b)")
        XCTAssertEqual(tree("NOT a b"), "(and (not a) b)")
        XCTAssertEqual(tree("not (a | b)"), "(not (or a b))")
        XCTAssertEqual(tree("--a"), "(not (not a))")
        XCTAssertEqual(tree("-tag:lost"), "(not tag:lost)")
    }

    func testDashesInsideWordsAndValuesAreNotNegations() {
        XCTAssertEqual(tree("jean-paul"), "jean-paul")
        XCTAssertEqual(tree("close>-2w"), "close>-2w")
        XCTAssertEqual(tree("a - b"), "(and a - b)")
    }

    func testKeywordsAreCaseInsensitiveAndQuotingMakesThemWords() {
        XCTAssertEqual(tree("a Or b"), "(or a b)")
        XCTAssertEqual(tree("fish \"and\" chips"), "(and fish \"and\" chips)")
        XCTAssertEqual(tree("or:x"), "or:x")
    }

    func testTheExampleFromTheSpecification() {
        XCTAssertEqual(
            tree("status:open owner:me amount>=10000 close<2027-01-01 \"acme corp\" -tag:lost"),
            "(and status:open owner:me amount>=10000 close<2027-01-01 \"acme corp\" (not tag:lost))")
    }

    func testFieldValuesListsRangesAndNone() throws {
        let expression = try XCTUnwrap(FilterParser.parse("Status:open,\"in progress\" amount:1000..5000 owner:NONE x:\"none\""))
        guard case .and(let parts) = expression.node, parts.count == 4,
              case .field(let status) = parts[0].node, case .field(let amount) = parts[1].node,
              case .field(let owner) = parts[2].node, case .field(let quoted) = parts[3].node else {
            return XCTFail("unexpected tree \(expression)")
        }
        XCTAssertEqual(status.name, "Status")
        XCTAssertEqual(status.op, .matches)
        XCTAssertEqual(status.values, [
            .literal(FilterLiteral("open", range: FilterRange(7, 11))),
            .literal(FilterLiteral("in progress", isQuoted: true, range: FilterRange(12, 25))),
        ])
        XCTAssertEqual(amount.values, [.range(FilterLiteral("1000", range: FilterRange(33, 37)),
                                             FilterLiteral("5000", range: FilterRange(39, 43)))])
        XCTAssertEqual(owner.values, [.empty(FilterRange(50, 54))])
        XCTAssertEqual(quoted.values, [.literal(FilterLiteral("none", isQuoted: true, range: FilterRange(57, 63)))])
    }

    func testEveryOperator() {
        for op in FilterOperator.allCases {
            XCTAssertEqual(tree("f\(op.rawValue)1"), "f\(op.rawValue)1")
        }
    }

    func testQuotesWithEscapes() throws {
        let expression = try XCTUnwrap(FilterParser.parse(#"name:"say \"hi\" \\o/""#))
        guard case .field(let term) = expression.node, case .literal(let literal) = term.values.first else {
            return XCTFail("unexpected tree \(expression)")
        }
        XCTAssertEqual(literal.text, #"say "hi" \o/"#)
        XCTAssertEqual(literal.range, FilterRange(5, 22))
        XCTAssertEqual(tree(#""a \"b\"""#), #""a \"b\"""#)
    }

    func testStrayCommasSeparateWords() {
        XCTAssertEqual(tree("Smith, John"), "(and Smith John)")
        XCTAssertEqual(tree(" , "), "nil")
    }

    func testEmptyFilterIsNil() {
        XCTAssertEqual(tree(""), "nil")
        XCTAssertEqual(tree("   \t"), "nil")
    }

    func testNodeRangesCoverTheirText() throws {
        let expression = try XCTUnwrap(FilterParser.parse("x (a OR -b)"))
        XCTAssertEqual(expression.range, FilterRange(0, 11))
        guard case .and(let parts) = expression.node, case .or(let inner) = parts[1].node else {
            return XCTFail("unexpected tree \(expression)")
        }
        XCTAssertEqual(parts[1].range, FilterRange(2, 11))
        XCTAssertEqual(inner[1].range, FilterRange(8, 10))
    }

    func testErrorsNameTheTokenAndItsPosition() {
        XCTAssertEqual(failure("amount>="), "Expected a value after \"amount>=\" at 1–8")
        XCTAssertEqual(failure("x amount>= 5"), "Expected a value after \"amount>=\" at 3–10")
        XCTAssertEqual(failure("name:\"acme"), "Unclosed quote at 6–10")
        XCTAssertEqual(failure("(a b"), "Unbalanced parenthesis: this \"(\" is never closed at 1")
        XCTAssertEqual(failure("a b)"), "Unbalanced parenthesis: this \")\" closes nothing at 4")
        XCTAssertEqual(failure("a ()"), "Expected a search term here at 4")
        XCTAssertEqual(failure("a OR"), "Expected a search term after \"OR\" at 3–4")
        XCTAssertEqual(failure("a | OR b"), "Expected a search term after \"|\" at 3")
        XCTAssertEqual(failure("a AND"), "Expected a search term after \"AND\" at 3–5")
        XCTAssertEqual(failure("(-)"), "Expected a search term after \"-\" at 2")
        XCTAssertEqual(failure("status:open,"), "Expected a value after \",\" at 12")
        XCTAssertEqual(failure(">5"), "\">\" needs a field name before it, e.g. amount>=10000 at 1")
        XCTAssertEqual(failure("email:a:b"), "Unexpected \":\"; put values that contain it in quotes at 8")
        XCTAssertEqual(failure("amount:..5"), "A range needs two ends, e.g. 1000..5000 at 8–10")
        XCTAssertEqual(failure("amount:1..2..3"), "A range needs two ends, e.g. 1000..5000 at 8–14")
    }

    func testPositionsCountCharactersNotScalarsOrBytes() {
        XCTAssertEqual(failure("👍🏽 Čeněk amount>="), "Expected a value after \"amount>=\" at 9–16")
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        XCTAssertEqual(failure(deep), "Too deeply nested (more than 64 levels) at 65")
        XCTAssertEqual(failure(String(repeating: "-", count: 5_000) + "a"), "Too deeply nested (more than 64 levels) at 65")
        XCTAssertEqual(tree(String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)), "a")
    }

    func testErrorRangeDescription() {
        XCTAssertEqual(FilterRange(0, 6).description, "1–6")
        XCTAssertEqual(FilterRange(3, 4).description, "4")
        XCTAssertEqual(FilterRange(5, 5).description, "6")
    }
}
