import CRMCore
import TerminalUI

/// The quick-filter line of a list or board: the text being typed, whether it has the focus,
/// the keys that edit it, and how it is drawn. Every keystroke reports the new text, so the
/// owner re-queries as the user types — except while more typed characters have already
/// arrived (pasted text, fast typing): the last of them reports the text, so pasting "novak"
/// runs one query instead of five.
public struct FilterLine {
    public var input = TextInput("", maxLength: 200)
    public var isEditing = false
    /// An edit not reported yet, because the next key was already waiting to type more.
    private var editPending = false

    public init() {}

    public var text: String { input.text }

    /// Gives the focus to the line (the `filter.edit` command).
    public mutating func startEditing() { isEditing = true }

    /// Empties the line and leaves it (the `filter.clear` command).
    public mutating func clear(changed: (String) -> Void) {
        isEditing = false
        editPending = false
        input.set("")
        changed("")
    }

    /// A key typed while the line has the focus: Enter keeps the filter, Esc clears it, vertical
    /// motion leaves the line and is not consumed. Returns false when the line did not use it.
    /// An edit is reported through `changed` unless `typingFollows` (asked only after an edit)
    /// says the next key is already waiting to type a character; that key reports it.
    public mutating func handleKey(_ event: KeyEvent, typingFollows: @autoclosure () -> Bool,
                                   changed: (String) -> Void) -> Bool {
        guard isEditing else { return false }
        switch event.key {
        case .enter:
            isEditing = false
            reportPendingEdit(changed)
            return true
        case .escape:
            isEditing = false
            if !input.text.isEmpty || editPending {
                input.set("")
                editPending = false
                changed("")
            }
            return true
        case .up, .down, .pageUp, .pageDown:
            isEditing = false
            reportPendingEdit(changed)
            return false
        default:
            let before = input.text
            guard input.apply(event) else {
                reportPendingEdit(changed)
                return false
            }
            if input.text != before { editPending = true }
            if editPending, !typingFollows() { reportPendingEdit(changed) }
            return true
        }
    }

    private mutating func reportPendingEdit(_ changed: (String) -> Void) {
        guard editPending else { return }
        editPending = false
        changed(input.text)
    }

    /// "Filter: …" with the text, or a hint naming `filterKey` while empty and unfocused; the range
    /// of `error` (FI-2) is underlined in the error style.
    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, filterKey: String?, noun: String,
                       error: FilterError? = nil) {
        let label = "Filter: "
        buffer.write(label, x: rect.x + 1, y: rect.y, style: isEditing ? theme.accent : theme.dim)
        let x = rect.x + 1 + DisplayWidth.of(label)
        if isEditing || !input.text.isEmpty {
            let marked = error.map { $0.range.start..<max($0.range.start, $0.range.end) }
            input.render(into: &buffer, x: x, y: rect.y, width: max(10, rect.width - x - 2 + rect.x),
                         style: isEditing ? theme.input : theme.accent, showCursor: isEditing,
                         marked: marked, markStyle: theme.error.with(.underline))
        } else if let filterKey {
            buffer.write("press \(filterKey) and type to narrow the \(noun)", x: x, y: rect.y, style: theme.dim,
                         maxWidth: rect.maxX - x - 1)
        }
    }
}
