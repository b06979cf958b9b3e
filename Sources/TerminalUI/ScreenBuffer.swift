/// One terminal cell: a grapheme and its style.
///
/// A wide character fills its cell with `width == 2`; the cell to its right is a continuation
/// (`text` empty, `width == 0`) that backends skip.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style
    public var width: UInt8

    public init(text: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.text = text
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory picture of the whole screen, drawn by pure render functions.
///
/// Screens draw into a buffer; a backend (curses, or the virtual terminal in tests) shows it.
/// All text goes through `SafeText` here, so no caller can emit a control sequence.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Paints every cell of `rect` (clipped to the screen) blank with `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with text: String = " ") {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        let cell = Cell(text: text, style: style, width: 1)
        for y in clipped.y..<clipped.maxY {
            clearWideNeighbours(x: clipped.x, y: y, width: clipped.width)
            for x in clipped.x..<clipped.maxX { self[x, y] = cell }
        }
    }

    /// Writes `text` at (x, y), at most `maxWidth` columns (default: to the right edge).
    /// Text that does not fit ends in "…". Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain,
                               maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - max(x, 0))
        guard limit > 0 else { return 0 }
        let fitted = TextLayout.truncate(SafeText.sanitize(text), to: limit)
        var column = x
        for character in fitted {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column >= 0 {
                clearWideNeighbours(x: column, y: y, width: w)
                self[column, y] = Cell(text: String(character), style: style, width: UInt8(w))
                if w == 2 { self[column + 1, y] = Cell(text: "", style: style, width: 0) }
            }
            column += w
        }
        return column - x
    }

    /// Writes `text` left-aligned in a field of exactly `width` columns, padding with spaces.
    public mutating func writeField(_ text: String, x: Int, y: Int, width fieldWidth: Int,
                                    style: Style = .plain, alignRight: Bool = false) {
        guard fieldWidth > 0 else { return }
        fill(Rect(x: x, y: y, width: fieldWidth, height: 1), style: style)
        let safe = TextLayout.truncate(SafeText.sanitize(text), to: fieldWidth)
        let used = DisplayWidth.of(safe)
        write(safe, x: alignRight ? x + fieldWidth - used : x, y: y, style: style, maxWidth: fieldWidth)
    }

    /// Draws a box border around `rect` with an optional title on the top edge.
    public mutating func box(_ rect: Rect, style: Style = .plain, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put("─", x: x, y: rect.y, style: style)
            put("─", x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("┌", x: rect.x, y: rect.y, style: style)
        put("┐", x: rect.maxX - 1, y: rect.y, style: style)
        put("└", x: rect.x, y: rect.maxY - 1, style: style)
        put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            write(" \(title) ", x: rect.x + 2, y: rect.y, style: style.with(.bold), maxWidth: rect.width - 4)
        }
    }

    /// The text of row `y`, continuation cells skipped: what a person reads on that line.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text += self[x, y].text }
        return text
    }

    /// Every row as text, trailing spaces trimmed (snapshot tests compare these).
    public var lines: [String] {
        (0..<height).map { y in
            var row = line(y)
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    private mutating func put(_ glyph: String, x: Int, y: Int, style: Style) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        clearWideNeighbours(x: x, y: y, width: 1)
        self[x, y] = Cell(text: glyph, style: style, width: 1)
    }

    /// Overwriting half of a wide character must blank its other half.
    private mutating func clearWideNeighbours(x: Int, y: Int, width w: Int) {
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style) }
        let end = x + w - 1
        if end + 1 < width, self[end + 1, y].isContinuation {
            self[end + 1, y] = Cell(text: " ", style: self[end + 1, y].style)
        }
        if w == 2, end >= width { return }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
