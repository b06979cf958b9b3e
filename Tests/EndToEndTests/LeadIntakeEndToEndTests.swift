import Foundation
import XCTest

/// Issue 4 end to end: `crm serve` and the app run on one database file; a lead posted with
/// curl lands in the open Incoming view without a keypress (item 8), is routed by a rule made
/// with `crm rules`, and is qualified from the app into an opportunity.
final class LeadIntakeEndToEndTests: EndToEndTestCase {
    func testAPostedLeadAppearsInTheOpenIncomingViewAndIsQualified() throws {
        guard let curl = Self.locateInPath("curl") else {
            XCTFail("curl is not installed (needed by this test): apt-get install curl")
            return
        }
        let db = try makeDemoDatabase()
        let key = try createAPIKey(db: db)
        let rule = try runCRM(["rules", "add", "--db", db.path, "--user", "admin", "--name", "Quellwerk web leads",
                               "--when", "company contains quellwerk", "--assign-to", "admin", "--priority", "urgent"])
        XCTAssertEqual(rule.status, 0, rule.output)
        let port = try startServer(db: db)

        let app = try launchApp(db: db, user: "admin")
        try waitForAccountsList(app)
        try app.send(keys: "g", "l")
        try app.send(keys: "3")
        try app.waitFor("Incoming ▾")

        let body = #"{"first_name": "Zofia", "last_name": "Quellenberg", "company": "Quellwerk GmbH", "#
            + #""email": "zofia@quellwerk.example", "source": "Web form", "utm_source": "newsletter\u001b[2J"}"#
        let posted = try CommandResult.run(curl, [
            "-sS", "-o", "-", "-w", "\n%{http_code}", "-H", "Authorization: Bearer \(key)",
            "-H", "Content-Type: application/json", "--data-binary", body, "http://127.0.0.1:\(port)/api/v1/leads",
        ])
        let answered = Date()
        XCTAssertTrue(posted.stdout.hasSuffix("\n201"), "the endpoint answered: \(posted.output)")
        XCTAssertTrue(posted.stdout.contains(#""id""#), posted.output)

        // Nothing is pressed: the open list must notice the server's commit by itself.
        try app.waitFor("Quellenberg", timeout: 3)
        print("The posted lead was on the Incoming view \(Int(Date().timeIntervalSince(answered) * 1000)) ms after the 201")

        try filter(app, "Quellenberg", expecting: "Quellwerk GmbH")
        try app.send(keys: "Enter")
        let detail = try app.waitFor("Rule 1 ‘Quellwerk web leads’")
        XCTAssertTrue(detail.contains("newsletter^[[2J"), "the escape sequence is shown escaped:\n\(app.framed(detail))")
        try app.send(keys: "Q")
        try app.waitFor("Qualify into")
        try app.send(keys: "F2")
        try app.waitFor("Qualified “Zofia Quellenberg” → opportunity")
        let sqlite = try SQLiteFile(path: db.path)
        let links = try sqlite.query("""
            SELECT o.name, a.name FROM leads l JOIN opportunities o ON o.id = l.opportunity_id
            JOIN accounts a ON a.id = l.account_id WHERE l.last_name = 'Quellenberg'
            """)
        XCTAssertEqual(links.count, 1, "the lead links to the opportunity and account it became")
        XCTAssertEqual(links.first?[1], "Quellwerk GmbH")
    }

    /// `crm apikey create` prints the key once; returns it.
    private func createAPIKey(db: URL) throws -> String {
        let created = try runCRM(["apikey", "create", "E2E web form", "--db", db.path])
        guard created.status == 0,
              let line = created.stdout.split(separator: "\n").first(where: { $0.hasPrefix("key:") }) else {
            XCTFail("crm apikey create failed: \(created.output)")
            throw E2EError("no API key")
        }
        return line.dropFirst("key:".count).trimmingCharacters(in: .whitespaces)
    }

    /// Starts `crm serve` on a free port in its own tmux session (closed with the test) and
    /// returns the port it says it listens on.
    private func startServer(db: URL) throws -> Int {
        let server = try makeSession()
        let command = [crm, "serve", "--listen", "127.0.0.1:0", "--db", db.path].map(shellQuoted).joined(separator: " ")
        try server.start(command: command + "; exec sleep 600", columns: 200, rows: 10)
        let screen = try server.waitFor("listening on", timeout: 10)
        guard let match = screen.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
              let port = Int(screen[match].split(separator: ":").last ?? "") else {
            XCTFail("crm serve did not say its port:\n\(server.framed(screen))")
            throw E2EError("no port")
        }
        return port
    }
}
