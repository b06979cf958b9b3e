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
        case .popupYes: accept(app)
        case .popupNo, .popupClose: app.dismiss(self)
        case .popupAccept: yesSelected ? accept(app) : app.dismiss(self)
        case .cursorDown, .cursorUp: yesSelected.toggle()
        default:
            if event.key == .left || event.key == .right || event.key == .tab { yesSelected.toggle() }
        }
    }

    private func accept(_ app: AppController) {
        app.dismiss(self)
        onYes(app)
    }

    /// The widest a dialog grows; longer text wraps, so it reads as a paragraph.
    static let maximumWidth = 72

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        // Made safe before wrapping, so the lines are measured as they will be drawn.
        let texts = [question] + (detail.map { [$0] } ?? [])
        let longest = texts.map { DisplayWidth.of(SafeText.sanitize($0)) }.max() ?? 0
        let width = min(bounds.width - 4, Self.maximumWidth, max(40, longest + 6))
        let wrapped = texts.map { TextWrap.lines(SafeText.sanitize($0), width: width - 4) }
        let lines = wrapped.enumerated().flatMap { index, lines in lines.map { (text: $0, isQuestion: index == 0) } }
        let rect = bounds.centered(width: width, height: min(bounds.height, lines.count + 5))
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.error, title: "Are you sure?")
        for (index, line) in lines.prefix(rect.height - 5).enumerated() {
            buffer.write(line.text, x: rect.x + 2, y: rect.y + 1 + index, style: line.isQuestion ? theme.accent : theme.plain,
                         maxWidth: rect.width - 4)
        }
        let yKey = app.bindings.keyLabel(for: .popupYes, in: [.popup]) ?? "y"
        let nKey = app.bindings.keyLabel(for: .popupNo, in: [.popup]) ?? "n"
        let yes = " [\(yKey)] Yes ", no = " [\(nKey)] No "
        let y = rect.maxY - 2
        let x = rect.x + (rect.width - DisplayWidth.of(yes) - DisplayWidth.of(no) - 2) / 2
        let used = buffer.write(yes, x: x, y: y, style: yesSelected ? theme.selected : theme.plain)
        buffer.write(no, x: x + used + 2, y: y, style: yesSelected ? theme.plain : theme.selected)
    }
}
