import TerminalUI

/// One part of a screen with its own data, keys and drawing: a record's fields, a list of
/// records, a timeline, a history. Screens are made of panes — a record's detail screen shows one
/// per tab (`RecordScreen`) — so a tab is written once and placed wherever it is needed.
///
/// A pane gets its data as screens do (see `Screen`): `reload` when the data may have changed,
/// `refresh(in:app:)` for the visible pane right before a frame, and `render` only draws.
protocol Pane: AnyObject {
    /// Key contexts while the pane has the focus, most specific first; the screen adds its own.
    var contexts: [KeyContext] { get }
    /// True while a text field of the pane has the focus.
    var isTyping: Bool { get }
    /// What the pane does as it is now (see `Screen.commands`).
    func commands(app: AppController) -> [Command]
    /// Sees raw keys first while `isTyping`.
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool
    /// The data may have changed.
    func reload(app: AppController)
    /// The pane is shown again (its tab was chosen): back to its top, with fresh data.
    func show(app: AppController)
    /// Reads what the next frame shows in `rect`.
    func refresh(in rect: Rect, app: AppController)
    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController)
    /// Selects a record just created from here; false when the pane does not list such records.
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool
}

extension Pane {
    var contexts: [KeyContext] { [] }
    var isTyping: Bool { false }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { false }
    func show(app: AppController) { reload(app: app) }
    func refresh(in rect: Rect, app: AppController) {}
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool { false }
}
