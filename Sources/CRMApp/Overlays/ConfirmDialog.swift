import TerminalUI

/// "Are you sure?" before anything destructive (SH-8), as a popup of the app: the keys of the
/// popup context answer the `ConfirmBox`, and only an explicit yes runs the action; Esc, n and
/// Enter on "No" (the default) leave everything as it was.
public final class ConfirmDialog: Overlay {
    private var box: ConfirmBox
    let onYes: (AppController) -> Void

    init(question: String, detail: String?, onYes: @escaping (AppController) -> Void) {
        box = ConfirmBox(question: question, detail: detail)
        self.onYes = onYes
    }

    public func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        switch command {
        case .popupYes: accept(app)
        case .popupNo, .popupClose: app.dismiss(self)
        case .popupAccept: box.yesSelected ? accept(app) : app.dismiss(self)
        case .cursorDown, .cursorUp: box.toggle()
        default:
            if event.key == .left || event.key == .right || event.key == .tab { box.toggle() }
        }
    }

    private func accept(_ app: AppController) {
        app.dismiss(self)
        onYes(app)
    }

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        box.render(into: &buffer, bounds: bounds, theme: app.theme,
                   yesKey: app.bindings.keyLabel(for: .popupYes, in: [.popup]) ?? "y",
                   noKey: app.bindings.keyLabel(for: .popupNo, in: [.popup]) ?? "n")
    }
}
