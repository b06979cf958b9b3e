import TerminalUI
import XCTest

/// Styles the widget tests can tell apart: each role its own colour, so an assertion on a
/// cell's style names the role that drew it.
let testTheme: WidgetStyles = {
    var styles = WidgetStyles()
    styles.plain = Style(foreground: .white)
    styles.header = Style(foreground: .cyan, attributes: .bold)
    styles.selected = Style(foreground: .black, background: .cyan)
    styles.dim = Style(foreground: .white, attributes: .dim)
    styles.border = Style(foreground: .blue)
    styles.accent = Style(foreground: .yellow, attributes: .bold)
    styles.input = Style(foreground: .white, background: .black, attributes: .underline)
    styles.error = Style(foreground: .red, attributes: .bold)
    styles.favourite = Style(foreground: .yellow)
    return styles
}()

extension ScreenBuffer {
    /// The rows (by y) whose first cell in `column` has `style`.
    func rows(styled style: Style, atColumn column: Int) -> [Int] {
        (0..<height).filter { self[column, $0].style == style }
    }
}
