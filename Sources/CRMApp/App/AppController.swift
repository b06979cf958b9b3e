import CRMCore
import CRMStore
import TerminalUI

/// Runs the app: draws the shell and the current screen, turns keys into commands, and
/// refreshes when another process commits to the database.
///
/// Everything happens on one thread in a simple loop; store calls are short SQLite reads and
/// writes (milliseconds), so they run inline instead of through an effect queue. A write that
/// has to wait for another program keeps the screen alive through `SaveWait`. Before each
/// frame the visible screen reads what it will show (`Screen.refresh`); drawing reads nothing.
public final class AppController {
    public let terminal: TerminalBackend
    public let session: AppSession
    public let bindings: KeyBindings
    public private(set) var theme: Theme
    public private(set) var section: Section = .accounts
    private var stacks: [Section: [Screen]] = [:]
    /// The record the current form created, selected by the screen below when the form closes.
    private var createdRecord: CreatedRecord?
    private(set) var overlays: [Overlay] = []
    private(set) var statusMessage: StatusMessage?
    private(set) var isRunning = true
    private var needsFullRedraw = true
    /// The frame last sent to the terminal, which `showSaving` shows again with a new status line.
    private var lastFrame: ScreenBuffer?
    /// The whole terminal as the frame being drawn (or last drawn) has it.
    private(set) var frameBounds = Rect(x: 0, y: 0, width: 0, height: 0)
    /// Keys read ahead — typed while a save waited for the database, or looked at by
    /// `typedCharacterWaits` — handled before any newer key.
    private var heldKeys: [KeyEvent] = []
    private var saveWait: SaveWait?
    /// How often to look for other processes' commits while idle.
    public var pollMilliseconds = 250

    public init(terminal: TerminalBackend, session: AppSession, bindings: KeyBindings,
                startSection: Section = .accounts) {
        self.terminal = terminal
        self.session = session
        self.bindings = bindings
        theme = Theme(depth: terminal.colorDepth)
        section = startSection
        saveWait = SaveWait(app: self)
        session.database.lockWait.watch { [saveWait] tries in saveWait?.keepWaiting(tries: tries) }
    }

    // MARK: - Loop

    /// Runs until the user quits or the terminal goes away.
    public func run() {
        while isRunning {
            draw()
            if let event = nextHeldKey() ?? terminal.readKey(timeoutMilliseconds: pollMilliseconds) {
                handle(event)
            } else if terminal.hasHungUp {
                isRunning = false
            } else if session.hasExternalChanges() {
                reloadVisible()
            }
        }
    }

    /// Handles every key already waiting and draws once; tests drive the app with this.
    public func processPendingInput() {
        draw()
        while isRunning, let event = nextHeldKey() ?? terminal.readKey(timeoutMilliseconds: 0) {
            handle(event)
            draw()
        }
    }

    private func nextHeldKey() -> KeyEvent? {
        heldKeys.isEmpty ? nil : heldKeys.removeFirst()
    }

    /// Whether the next key has already arrived and types a character (pasted text, fast
    /// typing), so work that only the latest text needs (a filter's query) can wait for it.
    /// A key read here to find out is kept and handled next.
    public func typedCharacterWaits() -> Bool {
        if heldKeys.isEmpty, let key = terminal.readKey(timeoutMilliseconds: 0) { heldKeys.append(key) }
        return heldKeys.first?.typedCharacter != nil
    }

    /// Keeps a key typed while a save waited, for when the save is done (`SaveWait`).
    func hold(_ key: KeyEvent) {
        heldKeys.append(key)
    }

    /// Says plainly what happened when the user stopped a save that waited for the database.
    private func reportStoppedWait() {
        guard let saveWait, saveWait.wasStopped else { return }
        saveWait.wasStopped = false
        show(error: "You stopped waiting for the database: nothing was saved. What you typed is still here; save again when you are ready.")
    }

    /// Shows the last frame again with `text` on the status line, without reading the store
    /// (`SaveWait` calls it from inside a waiting write).
    func showSaving(_ text: String) {
        guard var frame = lastFrame else { return }
        StatusLineView.render(saving: text, app: self, into: &frame)
        terminal.present(frame, fullRedraw: false)
    }

    /// Handles one key and draws the resulting frame (benchmarks time exactly this).
    public func send(_ event: KeyEvent) {
        handle(event)
        draw()
    }

    func draw() {
        let size = terminal.size
        var frame = ScreenBuffer(width: size.columns, height: size.rows)
        frameBounds = frame.bounds
        ShellRenderer.render(app: self, layout: refreshVisibleScreen(), into: &frame)
        terminal.present(frame, fullRedraw: needsFullRedraw)
        lastFrame = frame
        needsFullRedraw = false
    }

    /// Lets the visible screen read what the frame will show in its pane (`Screen.refresh`) and
    /// returns the layout to draw, laid out after the read (the sidebar lists what the fresh data
    /// allows). An error it reports may need rows above the status line, leaving a smaller pane:
    /// then it reads again for that one. `nil` when the terminal is too small for the shell.
    private func refreshVisibleScreen() -> ShellLayout? {
        var layout = ShellLayout(app: self, screen: currentScreen, bounds: frameBounds)
        for _ in 0..<2 {
            guard let read = layout?.main else { return layout }
            currentScreen.refresh(in: read, app: self)
            layout = ShellLayout(app: self, screen: currentScreen, bounds: frameBounds)
            if layout?.main == read { return layout }
        }
        return layout
    }

    // MARK: - Keys

    func handle(_ event: KeyEvent) {
        defer { reportStoppedWait() }
        if event.key == .resize {
            needsFullRedraw = true
            return
        }
        if let overlay = overlays.last {
            statusMessage = nil
            let command = bindings.resolveSingle(event, in: [.popup])
            overlay.handleKey(event, command: command, app: self)
            return
        }
        let screen = currentScreen
        if screen.isTyping, !bindings.isPending, screen.handleKey(event, app: self) {
            return
        }
        switch bindings.resolve(event, in: screen.contexts + [.global]) {
        case .command(let id):
            statusMessage = nil
            run(id)
        case .pending:
            break
        case .unbound(let keys):
            if !screen.handleKey(event, app: self) {
                show(error: "\(keys) does nothing here — press ? for the keys of this screen")
            }
        }
    }

    /// Runs a command as if its key had been pressed (the palette and the sidebar call this):
    /// the screen's own declaration first, then the app-wide one; a command that cannot run now
    /// says why on the status line.
    public func run(_ id: CommandID) {
        if let command = currentScreen.commands(app: self).first(id) ?? globalCommands.first(id) {
            command.run(app: self)
        } else {
            show(error: "\(CommandRegistry.title(id)) is not available here")
        }
    }

    /// Ends the run loop after this key.
    func quit() { isRunning = false }

    /// Makes the next frame repaint every cell (after something else wrote to the terminal).
    func redrawFully() { needsFullRedraw = true }

    // MARK: - Navigation

    public var currentScreen: Screen {
        if let top = stacks[section]?.last { return top }
        let root = SectionScreens.first(in: section, app: self)
        stacks[section] = [root]
        return root
    }

    public func switchSection(to target: Section) {
        section = target
        _ = currentScreen
        currentScreen.reload(app: self)
    }

    public func push(_ screen: Screen) {
        _ = currentScreen
        stacks[section, default: []].append(screen)
    }

    /// Puts `screen` in place of the current one, as a sibling page (list ⇄ board), not a
    /// deeper level: Esc from it goes where Esc from the replaced screen went.
    public func replaceTop(_ screen: Screen) {
        _ = currentScreen
        stacks[section]?.removeLast()
        stacks[section, default: []].append(screen)
        screen.reload(app: self)
    }

    /// Leaves the current screen; the one below it is reloaded so it shows fresh data, and
    /// selects the record the screen left created (`noteCreated`), if it lists such records.
    public func pop() {
        defer { createdRecord = nil }
        guard let stack = stacks[section], stack.count > 1 else { return }
        stacks[section]?.removeLast()
        currentScreen.reload(app: self)
        if let createdRecord { _ = currentScreen.reveal(createdRecord, app: self) }
    }

    /// Says that the current screen (a form) created `record`, for the screen it returns to.
    public func noteCreated(_ record: CreatedRecord) {
        createdRecord = record
    }

    public func present(_ overlay: Overlay) { overlays.append(overlay) }

    public func dismiss(_ overlay: Overlay) {
        overlays.removeAll { $0 === overlay }
    }

    /// Asks before a destructive action (SH-8); `action` runs only on "yes".
    public func confirm(_ question: String, detail: String? = nil, action: @escaping (AppController) -> Void) {
        present(ConfirmDialog(question: question, detail: detail, onYes: action))
    }

    /// After another process committed: only the screen on view reloads. The others reload when
    /// they are shown again (`switchSection`, `pop`).
    func reloadVisible() {
        currentScreen.reload(app: self)
    }

    // MARK: - Messages

    public func show(message: String) { statusMessage = StatusMessage(text: message, isError: false) }
    public func show(error: String) { statusMessage = StatusMessage(text: error, isError: true) }
    /// Re-reads the record a detail screen shows into `record`. When it is gone or no longer
    /// visible, `record` becomes `nil` and the status line says so; when the read fails otherwise,
    /// the screen keeps what it shows. Returns true only when the record was read.
    public func reread<Record>(_ record: inout Record?, _ noun: String, _ read: () throws -> Record) -> Bool {
        do {
            record = try read()
            return true
        } catch let missing as RecordNotFoundError {
            record = nil
            show(error: missing.description)
        } catch {
            show(error: "Could not read the \(noun): \(ErrorText.describe(error))")
        }
        return false
    }

    /// Takes back an error that no longer holds (a filter typed further became valid again).
    public func clearError() {
        if statusMessage?.isError == true { statusMessage = nil }
    }

    /// Runs a store call and turns any error into a status-line message; returns nil on error.
    @discardableResult
    public func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            show(error: "\(what): \(ErrorText.describe(error))")
            return nil
        }
    }
}

/// A line for the status bar.
public struct StatusMessage: Equatable {
    public let text: String
    public let isError: Bool
}
