import TerminalUI

/// "Are you sure?" before anything destructive (SH-8). Only an explicit yes runs the action;
/// Esc, n and Enter on "No" (the default) leave everything as it was.
public final class ConfirmDialog: Overlay {
    let question: String
    let detail: String?
    let onYes: (AppController) -> Void
    private var yesSelected = false

    init(question: String, detail: String?, onYes: @escaping (AppController) -> Void) {
        self.question = question
        self.detail = detail
        self.onYes = onYes
    }

    public func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        switch command {
        case "popup.yes": accept(app)
        case "popup.no", "popup.close": app.dismiss(self)
        case "popup.accept": yesSelected ? accept(app) : app.dismiss(self)
        case "popup.down", "popup.up": yesSelected.toggle()
        default:
            if event.key == .left || event.key == .right || event.key == .tab { yesSelected.toggle() }
        }
    }

    private func accept(_ app: AppController) {
        app.dismiss(self)
        onYes(app)
    }

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        let lines = [question] + (detail.map { [$0] } ?? [])
        let width = min(bounds.width - 4, max(40, (lines.map { DisplayWidth.of(SafeText.sanitize($0)) }.max() ?? 0) + 6))
        let rect = bounds.centered(width: width, height: lines.count + 5)
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.error, title: "Are you sure?")
        for (index, line) in lines.enumerated() {
            buffer.write(line, x: rect.x + 2, y: rect.y + 1 + index, style: index == 0 ? theme.accent : theme.plain,
                         maxWidth: rect.width - 4)
        }
        let yKey = app.bindings.keyLabel(for: "popup.yes", in: [.popup]) ?? "y"
        let nKey = app.bindings.keyLabel(for: "popup.no", in: [.popup]) ?? "n"
        let yes = " [\(yKey)] Yes ", no = " [\(nKey)] No "
        let y = rect.maxY - 2
        let x = rect.x + (rect.width - DisplayWidth.of(yes) - DisplayWidth.of(no) - 2) / 2
        let used = buffer.write(yes, x: x, y: y, style: yesSelected ? theme.selected : theme.plain)
        buffer.write(no, x: x + used + 2, y: y, style: yesSelected ? theme.plain : theme.selected)
    }
}
