import TerminalUI

/// A page in the main pane: a list, a record's detail, a form, a settings page.
///
/// The shell around it (menu bar, tabs, sidebar, status line) is drawn from what the screen
/// declares here, so every screen gets the same frame and the same key handling.
///
/// How a screen gets its data, the same for every screen:
/// - `reload` says the data may have changed: a save here, another process's commit, the user
///   coming back to the screen. Lists, the board and the lead pages only note that they are
///   stale; a detail screen reads its one record again at once, since the key that changed it
///   may act on it before the next frame.
/// - `refresh(in:app:)` runs for the visible screen only, right before every frame, with the
///   main pane's rectangle: it reads what `reload` left stale and what depends on the pane's size
///   (the rows that fit). A store error there goes to the status line (`AppController.attempt`).
/// - `render` draws what refresh prepared: it never reads the store.
///
/// Screens of other sections are not reloaded while hidden: `AppController.switchSection` and
/// `pop` reload the screen they bring back.
public protocol Screen: AnyObject {
    /// The section of the menu bar this screen belongs to.
    var section: Section { get }
    /// Where the user is, e.g. "Accounts › Acme s.r.o.".
    var breadcrumb: String { get }
    /// Page tabs shown under the menu bar, and which one is active.
    var tabs: [String] { get }
    var activeTab: Int { get }
    /// Keymap contexts of this screen, most specific first ("global" is always added last).
    var contexts: [KeyContext] { get }
    /// True while a text field has the focus: plain keys then type instead of running commands.
    var isTyping: Bool { get }
    /// Reads what the next frame draws in `rect` (the main pane): what `reload` marked stale,
    /// and the rows that fit when the pane's size changed.
    func refresh(in rect: Rect, app: AppController)
    /// Draws the main pane from what `refresh` read, without reading the store.
    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController)
    /// Everything this screen does as it is now, the focused part first: its keys run these
    /// (through the keymap of `contexts`), and the sidebar, the context menu, the palette and the
    /// help list them. Built from in-memory state only; a command that cannot run now is still
    /// listed, with its reason.
    func commands(app: AppController) -> [Command]
    /// Sees raw keys before the keymap while `isTyping` (text entry); returns true if consumed.
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool
    /// The data may have changed (here or in another process); see "How a screen gets its data".
    func reload(app: AppController)
    /// Key hints for the status line ("h/l column"), most important first, when the screen's
    /// own keys matter more than the global ones; nil shows the global hints.
    func statusHints(app: AppController) -> [String]?
    /// Selects a record a form opened from here just created, switching to a view that shows it
    /// when the current one does not; false when this screen does not list such records.
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool
}

extension Screen {
    public var tabs: [String] { [] }
    public var activeTab: Int { 0 }
    public var isTyping: Bool { false }
    public func handleKey(_ event: KeyEvent, app: AppController) -> Bool { false }
    public func reload(app: AppController) {}
    public func refresh(in rect: Rect, app: AppController) {}
    public func statusHints(app: AppController) -> [String]? { nil }
    public func reveal(_ record: CreatedRecord, app: AppController) -> Bool { false }
}

/// A popup drawn above the screens: menus, dialogs, the palette, pickers, help.
public protocol Overlay: AnyObject {
    /// Draws itself somewhere inside `bounds` (the whole terminal).
    func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController)
    /// Gets every key while it is on top. `command` is the key resolved in the popup context.
    func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController)
}
