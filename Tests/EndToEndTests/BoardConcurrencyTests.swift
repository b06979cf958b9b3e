import Foundation
import XCTest

/// OP-3 with two real processes on one database file: admin (A) moves a card on the Kanban
/// board into a status with a required field; jan.novak's board (B) follows by itself.
final class BoardConcurrencyTests: EndToEndTestCase {
    func testAMoveWithAPromptedFieldAppearsOnTheOtherBoardWithoutAKeypress() throws {
        let db = try makeDemoDatabase()
        try plantOpportunities(in: db)
        let a = try launchApp(db: db, user: "admin")
        let b = try launchApp(db: db, user: "jan.novak")
        for session in [a, b] {
            try waitForAccountsList(session)
            try session.send(keys: "g", "o")
            // The demo has a pipeline of its own: the filter keeps the two planted cards.
            try session.send(keys: "/")
            try session.type("crane OR sensors")
            try session.send(keys: "Enter")
            try session.waitFor("Harbour crane deal")
            try session.waitFor("Σ 5,000.00 EUR")
        }

        // A: Qualification → Proposal, which requires an amount the card lacks.
        try a.send(keys: "l")
        try a.send(keys: ">")
        let prompt = try a.waitFor("Move to Proposal — fill required fields")
        XCTAssertTrue(prompt.contains("Amount *"), a.framed(prompt))
        XCTAssertFalse(prompt.contains("Expected close"), "only the empty required field is asked for:\n\(a.framed(prompt))")
        try a.type("7000")
        try a.send(keys: "F2")
        try a.waitFor("Moved “Harbour crane deal” to Proposal")
        let moved = try a.waitFor("Σ 12,000.00 EUR")
        XCTAssertTrue(count(of: "Proposal", is: 2, on: moved), "the count did not change:\n\(a.framed(moved))")
        let saved = Date()

        // Nothing is sent to B: its board must re-read the columns and totals by itself.
        let seen = try b.waitUntil("the moved card and the new total on B's board", timeout: 1.5) {
            $0.contains("Σ 12,000.00 EUR") && $0.contains("7,000.00 EUR")
        }
        XCTAssertTrue(count(of: "Qualification", is: 0, on: seen), b.framed(seen))
        print("B's board showed A's move \(Int(Date().timeIntervalSince(saved) * 1000)) ms after A saved")
    }

    /// Whether the header row of the board shows `count` beside the status `name`.
    private func count(of name: String, is count: Int, on screen: String) -> Bool {
        guard let header = screen.components(separatedBy: "\n").first(where: { $0.contains("■ Prospecting") }) else { return false }
        return header.range(of: "■ \(name) +\(count) ", options: .regularExpression) != nil
    }

    /// Two opportunities on a public company: one in Qualification without an amount, one in
    /// Proposal with 5,000 EUR. Written as the store writes them, search index included.
    private func plantOpportunities(in db: URL) throws {
        let sqlite = try SQLiteFile(path: db.path)
        guard let account = try sqlite.query("""
            SELECT id, name FROM accounts WHERE is_private = 0 AND name <> '' ORDER BY sort_name, id LIMIT 1
            """).first else { throw E2EError("the demo has no public company") }
        let rows: [(String, Int, String)] = [("Harbour crane deal", 2, "NULL, NULL, -1"), ("Bridge sensors deal", 3, "500000, 'EUR', 500000")]
        for (rank, (name, status, money)) in rows.enumerated() {
            try sqlite.query("""
                INSERT INTO opportunities (name, account_id, status_id, amount_minor, currency, sort_amount, description,
                    created_by_id, created_at, updated_at, account_name, sort_name, sort_account, sort_close, search_text, name_rank)
                VALUES (\(SQLiteFile.literal(name)), \(account[0]), \(status), \(money), '', 1, 1795000000000, 1795000000000,
                    \(SQLiteFile.literal(account[1])), lower(\(SQLiteFile.literal(name))), lower(\(SQLiteFile.literal(account[1]))),
                    '~', ' ' || lower(\(SQLiteFile.literal(name))),
                    (SELECT coalesce(max(name_rank), 0) FROM opportunities) + \(rank + 1) * 65536)
                """)
        }
    }
}
