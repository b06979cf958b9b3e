/// The "Are you sure?" box shown before anything destructive: a question, an optional detail,
/// and Yes/No buttons with No chosen until the user moves to Yes. It only draws and keeps the
/// answer; what a yes does is the caller's.
public struct ConfirmBox: Sendable, Equatable {
    public let question: String
    public let detail: String?
    /// Whether Enter would answer yes; starts false, so Enter on a box opened by mistake is harmless.
    public private(set) var yesSelected = false

    /// The widest a box grows; longer text wraps, so it reads as a paragraph.
    public static let maximumWidth = 72

    public init(question: String, detail: String? = nil) {
        self.question = question
        self.detail = detail
    }

    /// Moves between Yes and No.
    public mutating func toggle() { yesSelected.toggle() }

    /// Draws the box centred in `bounds`, naming the keys that answer (`yesKey`, `noKey`).
    public func render(into buffer: inout ScreenBuffer, bounds: Rect, theme: some WidgetTheme,
                       yesKey: String = "y", noKey: String = "n") {
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
        let yes = " [\(yesKey)] Yes ", no = " [\(noKey)] No "
        let y = rect.maxY - 2
        let x = rect.x + (rect.width - DisplayWidth.of(yes) - DisplayWidth.of(no) - 2) / 2
        let used = buffer.write(yes, x: x, y: y, style: yesSelected ? theme.selected : theme.plain)
        buffer.write(no, x: x + used + 2, y: y, style: yesSelected ? theme.plain : theme.selected)
    }
}
