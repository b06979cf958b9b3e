import Foundation
import XCTest

/// ST-7 with two real processes on one database file: admin (A) and jan.novak (B).
final class ConcurrentUsersTests: EndToEndTestCase {
    /// Form order of the account form: Type, First name, Last name, Organisation name, Email,
    /// Phone, Street, City, …; the form opens on Type.
    static let tabsToPhone = 5
    static let tabsToCity = 7

    func testAnotherUsersSaveAppearsWithoutAKeypress() throws {
        let (a, b, account) = try twoUsersOnOneAccount()
        XCTAssertFalse(b.screen().contains("Reykjavik"), b.framed())

        try a.send(keys: "e")
        try a.waitFor("› Edit")
        try replaceField(a, tabs: Self.tabsToCity, label: "City", with: "Reykjavik")
        try a.send(keys: "F2")
        try a.waitFor("Saved “")
        let saved = Date()

        // Nothing is sent to B: its list must re-read the row by itself.
        try b.waitUntil("Reykjavik on the row of \(account)", timeout: 1.5) { screen in
            screen.components(separatedBy: "\n").contains { $0.contains(account) && $0.contains("Reykjavik") }
        }
        print("B showed A's change \(Int(Date().timeIntervalSince(saved) * 1000)) ms after A saved")
    }

    func testStaleEditIsRefusedKeptAndThenWins() throws {
        let (a, b, account) = try twoUsersOnOneAccount()
        for session in [a, b] {
            try session.send(keys: "e")
            try session.waitFor("› Edit")
            try session.waitFor("Organisation name")
        }

        try replaceField(a, tabs: Self.tabsToPhone, label: "Phone", with: "+1 555 0100")
        try a.send(keys: "F2")
        try a.waitFor("Saved “")

        // B saves over A's change: refused, B's input kept, A's value shown beside it.
        try replaceField(b, tabs: Self.tabsToPhone, label: "Phone", with: "+1 555 0199")
        try b.send(keys: "F2")
        let conflict = try b.waitFor("Someone else saved this account")
        XCTAssertTrue(row(of: conflict, startingWith: "Phone")?.contains("+1 555 0199") ?? false,
                      "B's typed phone is not in the field any more:\n\(b.framed(conflict))")
        XCTAssertTrue(conflict.contains("someone else saved: +1 555 0100"),
                      "the value A saved is not shown:\n\(b.framed(conflict))")
        XCTAssertTrue(conflict.contains("› Edit"), "B's form was closed:\n\(b.framed(conflict))")

        // B keeps their own phone, knowingly, and saves.
        try b.send(keys: "Enter")
        try b.waitFor("Keep yours")
        try b.send(keys: "Enter")
        try b.send(keys: "F2")
        try b.waitFor("Saved “")
        try a.waitUntil("B's phone on A's list", timeout: 2) { screen in
            screen.components(separatedBy: "\n").contains { $0.contains(account) && $0.contains("+1 555 0199") }
        }

        // The History tab lists both changes with both logins.
        try b.send(keys: "Enter")
        try b.waitFor("Data │ People │ Opportunities │ Activities │ History")
        try b.send(keys: "Tab", "Tab", "Tab", "Tab")
        let history = try b.waitUntil("the History table with B's change") {
            $0.range(of: #"When\s+Who"#, options: .regularExpression) != nil && $0.contains("+1 555 0199")
        }
        let rows = history.components(separatedBy: "\n")
        XCTAssertTrue(rows.contains { $0.contains("admin") && $0.contains("Phone") && $0.contains("+1 555 0100") },
                      "A's change is not in the history:\n\(b.framed(history))")
        XCTAssertTrue(rows.contains { $0.contains("jan.novak") && $0.contains("Phone") && $0.contains("+1 555 0100")
                          && $0.contains("+1 555 0199") },
                      "B's change (from A's value to B's) is not in the history:\n\(b.framed(history))")
    }

    // MARK: - Helpers

    /// Both users' apps on the same demo database, each showing the accounts list filtered
    /// to the same account (the first on admin's list); returns the name as the list shows it.
    private func twoUsersOnOneAccount() throws -> (TmuxSession, TmuxSession, String) {
        let db = try makeDemoDatabase()
        let a = try launchApp(db: db, user: "admin")
        let b = try launchApp(db: db, user: "jan.novak")
        let account = try firstAccount(on: try waitForAccountsList(a), of: a)
        try waitForAccountsList(b)
        for session in [a, b] {
            try filter(session, account.word, expecting: account.shown)
            let shown = session.screen()
            XCTAssertEqual(ScreenText.firstListedName(in: shown), account.shown,
                           "the account is not the first row:\n\(session.framed(shown))")
        }
        return (a, b, account.shown)
    }

    /// Moves from the first field `tabs` fields on, clears it and types `value`.
    private func replaceField(_ session: TmuxSession, tabs: Int, label: String, with value: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        try session.send(keys: Array(repeating: "Tab", count: tabs) + ["C-u"])
        try session.type(value)
        try session.waitUntil("“\(value)” in the \(label) field", file: file, line: line) {
            self.row(of: $0, startingWith: label)?.contains(value) ?? false
        }
    }

    private func row(of screen: String, startingWith label: String) -> String? {
        screen.components(separatedBy: "\n").first { $0.hasPrefix(" \(label) ") }
    }
}
