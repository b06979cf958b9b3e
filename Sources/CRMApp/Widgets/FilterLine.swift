import CRMCore
import TerminalUI

/// The quick-filter line of a list or board: the text being typed, whether it has the focus,
/// the keys that edit it, and how it is drawn. Every keystroke reports the new text, so the
/// owner re-queries as the user types.
public struct FilterLine {
    public var input = TextInput("", maxLength: 200)
    public var isEditing = false

    public init() {}

    public var text: String { input.text }

    /// Gives the focus to the line (the `filter.edit` command).
    public mutating func startEditing() { isEditing = true }

    /// Empties the line and leaves it (the `filter.clear` command).
    public mutating func clear(changed: (String) -> Void) {
        isEditing = false
        input.set("")
        changed("")
    }

    /// A key typed while the line has the focus: Enter keeps the filter, Esc clears it, vertical
    /// motion leaves the line and is not consumed. Returns false when the line did not use it.
    public mutating func handleKey(_ event: KeyEvent, changed: (String) -> Void) -> Bool {
        guard isEditing else { return false }
        switch event.key {
        case .enter:
            isEditing = false
            return true
        case .escape:
            isEditing = false
            if !input.text.isEmpty {
                input.set("")
                changed("")
            }
            return true
        case .up, .down, .pageUp, .pageDown:
            isEditing = false
            return false
        default:
            let before = input.text
            guard input.apply(event) else { return false }
            if input.text != before { changed(input.text) }
            return true
        }
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
