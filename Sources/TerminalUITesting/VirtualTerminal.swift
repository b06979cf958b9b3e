import TerminalUI

/// An in-memory terminal for tests: the app draws into it and reads keys from a queue.
///
/// It implements the same `TerminalBackend` as the curses backend, so screen tests drive the real
/// app loop: queue keys (`enqueue(keys: "g a j j")`, `type("Acme s.r.o.")`), let the app run
/// until `readKey` returns nil (it never waits), then read `lines` of the last frame.
public final class VirtualTerminal: TerminalBackend {
    /// Changing the size queues a `.resize` key, as a real terminal reports one.
    public var size: (columns: Int, rows: Int) {
        didSet {
            if size != oldValue { queue.append(KeyEvent(.resize)) }
        }
    }
    public var colorDepth: ColorDepth
    /// The frame shown last, or nil before the first `present`.
    public private(set) var lastFrame: ScreenBuffer?
    /// How many frames were presented, and how many of them as full redraws.
    public private(set) var frameCount = 0
    public private(set) var fullRedrawCount = 0
    public private(set) var isShutDown = false
    /// Set by `hangUp()`: the terminal has gone once its queued keys are read.
    private var isHungUp = false
    private var queue: [KeyEvent] = []
    private var queueStart = 0

    public init(columns: Int = 80, rows: Int = 24, colorDepth: ColorDepth = .palette256) {
        size = (columns, rows)
        self.colorDepth = colorDepth
    }

    // MARK: - TerminalBackend

    public func present(_ frame: ScreenBuffer, fullRedraw: Bool) {
        lastFrame = frame
        frameCount += 1
        if fullRedraw { fullRedrawCount += 1 }
        onPresent?(frame)
    }

    /// Called with every frame as it is presented, for tests that must act while the app is
    /// busy inside one key (a save waiting for the database).
    public var onPresent: ((ScreenBuffer) -> Void)?

    /// The next queued key, or nil at once when the queue is empty (the timeout is ignored).
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard queueStart < queue.count else { return nil }
        defer {
            queueStart += 1
            if queueStart == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueStart = 0
            }
        }
        return queue[queueStart]
    }

    public var hasHungUp: Bool { isHungUp && queueStart == queue.count }

    public func shutdown() {
        isShutDown = true
    }

    // MARK: - Input

    /// Keys not read yet.
    public var pendingKeys: [KeyEvent] { Array(queue[queueStart...]) }

    public func enqueue(_ events: [KeyEvent]) {
        queue.append(contentsOf: events)
    }

    public func enqueue(_ events: KeyEvent...) {
        enqueue(events)
    }

    /// Queues chords written as in keymap files, separated by spaces: `"g a j j S-l C-p Enter"`.
    public func enqueue(keys: String) throws {
        enqueue(try KeyChord.parseSequence(keys))
    }

    /// Queues `text` as a terminal delivers typing: one key per Unicode scalar, so an accent
    /// typed after its letter, each half of a flag and each part of a joined emoji arrive apart.
    public func type(_ text: String) {
        enqueue(text.unicodeScalars.map { KeyEvent.char(Character($0)) })
    }

    /// Closes the terminal as a lost connection does: the keys already queued are still read,
    /// then `hasHungUp` says it has gone.
    public func hangUp() {
        isHungUp = true
    }

    /// Sets the size (queues a `.resize` key when it changed).
    public func resize(columns: Int, rows: Int) {
        size = (columns, rows)
    }

    // MARK: - Output

    /// The rows of the last frame, trailing spaces trimmed; empty before the first frame.
    public var lines: [String] { lastFrame?.lines ?? [] }

    /// `lines` joined with newlines, for `XCTAssert...(contains:)` style checks and failure output.
    public var screenText: String { lines.joined(separator: "\n") }
}
