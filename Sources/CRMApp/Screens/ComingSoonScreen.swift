import TerminalUI

/// The page of a menu section that is not built yet: says what it will do and which sections
/// are ready now (with their keys), never crashes.
final class ComingSoonScreen: Screen {
    let section: Section

    init(section: Section) {
        self.section = section
    }

    var breadcrumb: String { section.title }
    var contexts: [KeyContext] { [] }

    func commands(app: AppController) -> [Command] { [] }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        let x = rect.x + 2, width = rect.width - 4
        buffer.write(section.title, x: x, y: rect.y + 1, style: theme.header)
        buffer.write("Coming in a later release.", x: x, y: rect.y + 3, style: theme.accent)
        var y = rect.y + 5
        for line in TextWrap.lines(section.plannedFeatures, width: width) {
            buffer.write(line, x: x, y: y, style: theme.plain, maxWidth: width)
            y += 1
        }
        buffer.write("Ready to use now:", x: x, y: y + 1, style: theme.header)
        let ready = Section.allCases.filter(SectionScreens.isBuilt)
        let keys = ready.map { app.bindings.keyLabel(for: $0.command, in: []) ?? "" }
        let keyWidth = (keys.map(DisplayWidth.of).max() ?? 0) + 2
        for (row, (ready, key)) in zip(ready, keys).enumerated() {
            buffer.write(key, x: x, y: y + 2 + row, style: theme.accent)
            buffer.write("\(ready.title): \(ready.summary)", x: x + keyWidth, y: y + 2 + row, style: theme.plain,
                         maxWidth: width - keyWidth)
        }
    }
}
