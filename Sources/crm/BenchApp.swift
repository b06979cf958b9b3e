import CRMApp
import CRMStore
import Foundation
import TerminalUI
import TerminalUICurses

/// The app inside this process on a headless ncurses screen whose output goes to a file: a
/// key is timed from `AppController.send` to the frame written, without the terminal, the
/// kernel or the other process in between, which tells how much of a key is the app's own work.
final class BenchApp: KeyPresser {
    let app: AppController
    private let outputPath: String

    init(path: String, login: String, columns: Int, rows: Int, section: Section = .accounts) throws {
        outputPath = NSTemporaryDirectory() + "crm-bench-\(UUID().uuidString).out"
        let database = try AppDatabase.open(path: path)
        let user = try CLIRunner.resolveUser(login, in: database, path: path)
        let terminal = try CursesTerminal(headlessColumns: columns, rows: rows, outputPath: outputPath)
        let keymap = try KeymapSetup.load(set: "default")
        app = AppController(terminal: terminal, session: try AppSession(database: database, user: user),
                            bindings: KeyBindings(keymap: keymap), startSection: section)
    }

    deinit { try? FileManager.default.removeItem(atPath: outputPath) }

    func press(_ event: KeyEvent) throws -> KeySample {
        let bytes = bytesWritten
        let started = ContinuousClock.now
        app.send(event)
        let elapsed = BenchFigures.milliseconds(started.duration(to: .now))
        return KeySample(milliseconds: elapsed, bytes: bytesWritten - bytes, writes: nil)
    }

    private var bytesWritten: Int {
        (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
    }
}
