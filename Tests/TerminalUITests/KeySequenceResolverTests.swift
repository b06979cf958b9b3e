import TerminalUI
import XCTest

final class KeySequenceResolverTests: XCTestCase {
    private let keymap = Keymap(parse("""
        [global]
        q = "app.quit"
        "?" = "help.show"
        "C-p" = "goto.record"
        g = { d = "go.dashboard", a = "go.accounts" }
        n = "account.new"
        [list]
        j = "cursor.down"
        "G" = "cursor.end"
        "g g" = "cursor.top"
        [form]
        Tab = "form.next"
        "C-s" = "record.save"
        [popup]
        q = "popup.close"
        Esc = "popup.close"
        g = "menu.context"
        """))

    private let listStack = ["list", "global"]
    private let popupStack = ["popup", "form", "list", "global"]

    private func feed(_ chords: String, in stack: [String],
                      resolver: inout KeySequenceResolver) -> [KeyResolution] {
        keys(chords).map { resolver.resolve($0, in: stack) }
    }

    func testSingleKeysResolveToCommands() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(feed("j G C-p ?", in: listStack, resolver: &resolver),
                       [.command("cursor.down"), .command("cursor.end"), .command("goto.record"), .command("help.show")])
    }

    func testSequencesWaitThenResolve() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(resolver.resolve(.char("g"), in: listStack), .pending(keys("g")))
        XCTAssertEqual(resolver.pendingDescription, "g-")
        XCTAssertEqual(resolver.resolve(.char("a"), in: listStack), .command("go.accounts"))
        XCTAssertNil(resolver.pendingDescription)
        XCTAssertEqual(resolver.pending, [])
    }

    func testSequencesFromDifferentContextsShareAPrefix() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(feed("g g g d", in: listStack, resolver: &resolver),
                       [.pending(keys("g")), .command("cursor.top"), .pending(keys("g")), .command("go.dashboard")])
    }

    func testUnknownContinuationEndsTheSequenceAsUnbound() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(feed("g x j", in: listStack, resolver: &resolver),
                       [.pending(keys("g")), .unbound(keys("g x")), .command("cursor.down")])
    }

    func testEscCancelsAPendingSequence() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(feed("g Esc j", in: listStack, resolver: &resolver),
                       [.pending(keys("g")), .cancelled(keys("g")), .command("cursor.down")])
    }

    func testEscWithNothingPendingIsAnOrdinaryKey() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(resolver.resolve(KeyEvent(.escape), in: popupStack), .command("popup.close"))
        XCTAssertEqual(resolver.resolve(KeyEvent(.escape), in: listStack), .unbound([KeyEvent(.escape)]))
    }

    func testResizeDoesNotBreakAPendingSequence() {
        var resolver = KeySequenceResolver(keymap: keymap)
        _ = resolver.resolve(.char("g"), in: listStack)
        XCTAssertEqual(resolver.resolve(KeyEvent(.resize), in: listStack), .unbound([KeyEvent(.resize)]))
        XCTAssertEqual(resolver.resolve(.char("d"), in: listStack), .command("go.dashboard"))
    }

    func testUnboundPrintableKeysComeBackForTyping() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(resolver.resolve(.char("x"), in: ["form"]), .unbound([.char("x")]))
        XCTAssertEqual(resolver.resolve(.char("j"), in: ["form"]), .unbound([.char("j")]))
    }

    func testTheMostSpecificContextWins() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(resolver.resolve(.char("q"), in: popupStack), .command("popup.close"))
        XCTAssertEqual(resolver.resolve(.char("q"), in: listStack), .command("app.quit"))
        // popup's `g` command hides global's `g` sequences.
        XCTAssertEqual(resolver.resolve(.char("g"), in: popupStack), .command("menu.context"))
        XCTAssertEqual(resolver.resolve(KeyEvent(.tab), in: popupStack), .command("form.next"))
        XCTAssertEqual(resolver.resolve(.ctrl("i"), in: popupStack), .command("form.next"))
    }

    func testAbsentContextsAreSkipped() {
        var resolver = KeySequenceResolver(keymap: keymap)
        XCTAssertEqual(resolver.resolve(.char("j"), in: ["nothing-here", "list"]), .command("cursor.down"))
    }

    func testResetForgetsThePendingSequence() {
        var resolver = KeySequenceResolver(keymap: keymap)
        _ = resolver.resolve(.char("g"), in: listStack)
        resolver.reset()
        XCTAssertEqual(resolver.resolve(.char("j"), in: listStack), .command("cursor.down"))
    }
}
