import CRMStore
import Foundation
import TerminalUI

/// What a person sees while one of their saves waits for the database because another program
/// (the intake server, a splitter run, a colleague's crm) is writing: after a moment the status
/// line says that it is saving and for how long; keys typed meanwhile are kept and handled
/// afterwards; Esc stops waiting, and the save then fails with nothing written (a form keeps
/// what was typed, so it can be saved again).
///
/// It runs inside the waiting write (`WriteLockWait`), so it never reads the database: it shows
/// the last frame with a new status line. `@unchecked Sendable` because SQLite calls it on the
/// thread whose write waits; it acts only when that is the app's own thread and leaves every
/// other thread's wait to the standard patience.
final class SaveWait: @unchecked Sendable {
    /// Waits shorter than this show nothing: most end within a transaction or two.
    static let quietPeriod: Duration = .milliseconds(150)

    private weak var app: AppController?
    private let appThread = pthread_self()
    private var started = ContinuousClock.now
    private var shownSeconds: Int?
    /// Set when the user pressed Esc during a wait; the app reports it once the key is handled.
    var wasStopped = false

    init(app: AppController) {
        self.app = app
    }

    /// `WriteLockWait.Watcher`: true to keep waiting, false when the user stopped it.
    func keepWaiting(tries: Int) -> Bool? {
        guard pthread_equal(pthread_self(), appThread) != 0, let app else { return nil }
        if tries == 0 {
            started = .now
            shownSeconds = nil
        }
        let waited = ContinuousClock.now - started
        guard waited >= Self.quietPeriod else { return true }
        while let key = app.terminal.readKey(timeoutMilliseconds: 0) {
            if key == KeyEvent(.escape) {
                wasStopped = true
                return false
            }
            app.hold(key)
        }
        let seconds = Int(waited / .seconds(1))
        if seconds != shownSeconds {
            shownSeconds = seconds
            app.showSaving("Saving… waiting \(seconds) s: another program is writing · Esc stops waiting")
        }
        return true
    }
}
