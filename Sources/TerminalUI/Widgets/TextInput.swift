/// A single-line (or, with `allowsNewlines`, multi-line) text editor: the text, a cursor, and
/// the editing keys every text field shares (arrows, Home/End, Backspace/Del, C-a/C-e/C-k/C-u).
public struct TextInput: Sendable, Equatable {
    public private(set) var text: String
    /// Cursor position in characters.
    public private(set) var cursor: Int
    public var allowsNewlines = false
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 4000) {
        self.text = text
        cursor = text.count
        self.maxLength = maxLength
    }

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key; returns false for keys that are not text editing.
    public mutating func apply(_ event: KeyEvent) -> Bool {
        cursor = min(max(0, cursor), text.count)
        if let c = event.typedCharacter {
            insert(c)
            return true
        }
        switch (event.key, event.modifiers) {
        case (.enter, []) where allowsNewlines: insert("\n")
        case (.backspace, []):
            if cursor > 0 { splice(keeping: cursor - 1, "", from: cursor) }
        case (.delete, []), (.char("d"), .ctrl):
            if cursor < text.count { splice(keeping: cursor, "", from: cursor + 1) }
        case (.left, []), (.char("b"), .ctrl): cursor = max(0, cursor - 1)
        case (.right, []), (.char("f"), .ctrl): cursor = min(text.count, cursor + 1)
        case (.home, []), (.char("a"), .ctrl): cursor = lineStart
        case (.end, []), (.char("e"), .ctrl): cursor = lineEnd
        case (.char("k"), .ctrl): splice(keeping: cursor, "", from: lineEnd)
        case (.char("u"), .ctrl): splice(keeping: lineStart, "", from: cursor)
        case (.char("w"), .ctrl):
            let head = text.prefix(cursor)
            let keep = head.reversed().drop(while: { $0 == " " }).drop(while: { $0 != " " }).count
            splice(keeping: keep, "", from: cursor)
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ c: Character) {
        guard text.count < maxLength else { return }
        splice(keeping: cursor, String(c), from: cursor)
    }

    /// Puts `middle` between the first `head` characters and the characters from `tail` on,
    /// with the cursor right after `middle`. A terminal sends an accent, a flag's second half
    /// or a joined emoji's parts as keys of their own, which join the character before them, so
    /// the cursor is counted on the joined text, never assumed one further.
    private mutating func splice(keeping head: Int, _ middle: String, from tail: Int) {
        let before = String(text.prefix(head)) + middle
        text = before + String(text.dropFirst(tail))
        cursor = min(before.count, text.count)
    }

    private var lineStart: Int {
        let head = text.prefix(cursor)
        if let newline = head.lastIndex(of: "\n") { return head.distance(from: head.startIndex, to: newline) + 1 }
        return 0
    }

    private var lineEnd: Int {
        let tail = text.dropFirst(cursor)
        if let newline = tail.firstIndex(of: "\n") { return cursor + tail.distance(from: tail.startIndex, to: newline) }
        return text.count
    }

    /// Draws a single-line view of the input in `width` columns, scrolled so the cursor shows;
    /// the characters of `marked` (e.g. a filter's offending token) are drawn in `markStyle`.
    public func render(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int,
                       style: Style, showCursor: Bool, marked: Range<Int>? = nil, markStyle: Style = Style()) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let characters = text.map { $0 == "\n" ? "⏎" : $0 }
        let widths = characters.map { DisplayWidth.of(SafeText.sanitize(String($0))) }
        // Scroll horizontally so the cursor stays inside the field.
        var start = 0
        var before = widths.prefix(cursor).reduce(0, +)
        while before > width - 1, start < cursor {
            before -= widths[start]
            start += 1
        }
        buffer.write(String(characters[start...]), x: x, y: y, style: style, maxWidth: width)
        if let marked {
            var column = x
            for index in start..<characters.count where column < x + width {
                if marked.contains(index) || (marked.isEmpty && index == marked.lowerBound) {
                    buffer.write(String(characters[index]), x: column, y: y, style: markStyle, maxWidth: x + width - column)
                }
                column += widths[index]
            }
        }
        guard showCursor else { return }
        let column = x + before
        if column < x + width {
            var cell = buffer[column, y]
            cell.style = style.with(.reverse)
            if cell.isContinuation { cell.text = " "; cell.width = 1 }
            buffer[column, y] = cell
        }
    }
}
