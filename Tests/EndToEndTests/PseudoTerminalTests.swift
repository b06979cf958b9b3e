@testable import crm
import XCTest

/// The pseudo-terminal `crm bench` runs the app on: a program on it sees a terminal of the
/// size asked for, what it writes comes back, what is typed reaches it, and it leads its own
/// session there, so closing the terminal hangs it up.
final class PseudoTerminalTests: XCTestCase {
    func testAProgramSeesTheSizeAndItsOutputComesBack() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "stty size; printf done"],
                                          columns: 120, rows: 40)
        let output = terminal.read(quiet: .milliseconds(100), patience: .seconds(10)) { $0.bytes.count >= 13 }

        XCTAssertEqual(String(decoding: output.bytes, as: UTF8.self), "40 120\r\ndone")
        XCTAssertNotNil(output.lastByte)
        XCTAssertEqual(exitCode(terminal.waitForExit()), 0)
    }

    func testTypedBytesReachTheProgram() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "read line; printf \"got $line\""],
                                          columns: 80, rows: 24)
        try terminal.type(Array("Acme s.r.o.\r".utf8))
        let output = terminal.read(quiet: .milliseconds(100), patience: .seconds(10)) { $0.bytes.count >= 28 }

        XCTAssertEqual(String(decoding: output.bytes, as: UTF8.self), "Acme s.r.o.\r\ngot Acme s.r.o.", "echoed, then read")
        XCTAssertEqual(exitCode(terminal.waitForExit()), 0)
    }

    func testHangingUpEndsTheProgramWithSIGHUP() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "trap 'exit 7' HUP; printf ready; while :; do sleep 1; done"],
                                          columns: 80, rows: 24)
        let ready = terminal.read(quiet: .milliseconds(100), patience: .seconds(10)) { !$0.bytes.isEmpty }
        XCTAssertEqual(String(decoding: ready.bytes, as: UTF8.self), "ready")

        XCTAssertEqual(exitCode(terminal.hangUp()), 7, "the shell's trap ran on the hang-up")
    }

    /// The exit code in a `waitpid` status; nil when a signal ended the process.
    private func exitCode(_ status: Int32) -> Int32? {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }
}
