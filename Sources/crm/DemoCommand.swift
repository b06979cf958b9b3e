import ArgumentParser
import CRMStore
import Foundation
import TerminalUI

/// `crm demo`: fills a new database with realistic, deterministic demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo database (small: a few hundred accounts and 2,000 opportunities; large: 100,000 accounts, 1,000,000 contacts, 250,000 opportunities, tasks and activities).")

    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case small, large
    }

    @Option(help: "small or large.")
    var scale: Scale = .small

    @Option(help: "Where to create it (default: ~/.local/share/crm/demo.sqlite).")
    var db: String?

    func run() throws {
        try CLIRunner.run {
            let path = db ?? Paths.demoDatabase
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CLIError("\(path) already exists; remove it or name another file with --db", exitCode: 2)
            }
            try Self.generate(scale: scale, path: path)
        }
    }

    /// Generates into a new file, drawing a progress bar on standard error.
    static func generate(scale: Scale, path: String) throws {
        let database = try CLIRunner.openDatabase(path)
        let started = Date()
        let bar = ProgressBar()
        do {
            try DemoDataGenerator(scale: scale == .large ? .large : .small).generate(into: database) { phase, fraction in
                bar.update(phase: phase, fraction: fraction)
            }
        } catch {
            CLIRunner.removeDatabaseFiles(path)
            throw error
        }
        bar.finish()
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let shown = SafeText.sanitize(path)
        FileHandle.standardError.write(Data("Demo database ready: \(shown) (\(seconds) s). Open it with: crm --db \(shown) --user admin\n".utf8))
    }
}

/// A one-line progress bar on standard error (only when it is a terminal).
final class ProgressBar {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1

    func update(phase: String, fraction: Double) {
        let percent = Int((min(1, max(0, fraction)) * 100).rounded(.down))
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        let line = "\(bar) \(String(format: "%3d", percent))%  \(phase)"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        } else if percent % 25 == 0 {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
