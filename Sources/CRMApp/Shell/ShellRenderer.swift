import TerminalUI

/// Draws the frame around the current screen: menu bar (SH-1), page tabs, main pane (SH-3),
/// sidebar of actions (SH-2), status line (SH-4), and the popups above it all.
enum ShellRenderer {
    /// Narrower terminals drop the sidebar: the list needs the width, and full-width rows let
    /// curses scroll lines instead of redrawing them over slow links. The actions stay on `a`
    /// (a popup of the same list), in the context menu and in the palette.
    static let sidebarMinimumTerminalWidth = 100

    /// Draws the frame in `layout`, which the app controller laid out for `frame`'s size when it
    /// refreshed the screen; `nil` when the terminal is too small for the shell.
    static func render(app: AppController, layout: ShellLayout?, into frame: inout ScreenBuffer) {
        let theme = app.theme
        let bounds = frame.bounds
        let screen = app.currentScreen
        guard let layout else {
            frame.write("Terminal too small", x: 0, y: 0, style: theme.error)
            return
        }
        MenuBarView.render(current: app.section, into: &frame, rect: layout.menuRow, theme: theme)
        TabBarView.render(tabs: screen.tabs, active: screen.activeTab, breadcrumb: screen.breadcrumb,
                          into: &frame, rect: layout.tabRow, theme: theme)
        if let sidebar = layout.sidebar {
            SidebarView.render(actions: layout.sidebarActions, bindings: app.bindings,
                               contexts: screen.contexts, into: &frame, rect: sidebar, theme: theme)
        }
        screen.render(into: &frame, rect: layout.main, app: app)
        StatusLineView.render(app: app, screen: screen, into: &frame, rect: layout.statusRow,
                              showsMessage: layout.longMessage.isEmpty)
        StatusLineView.render(layout.longMessage, app: app, into: &frame, rect: layout.messageRows)
        for overlay in app.overlays {
            overlay.render(into: &frame, bounds: bounds, app: app)
        }
    }
}

/// Where the shell's parts go in a terminal of a given size. The app controller asks for the
/// main pane before drawing, so the screen can read what fits there (`Screen.refresh`).
struct ShellLayout {
    let menuRow: Rect
    let tabRow: Rect
    /// The screen's own pane.
    let main: Rect
    /// The actions beside the main pane, when the terminal is wide enough and there are any.
    let sidebar: Rect?
    /// The screen's commands listed there.
    let sidebarActions: [Command]
    /// A message too long for the status line, in lines, and the rows above the status line
    /// it takes (so nothing is cut).
    let longMessage: [String]
    let messageRows: Rect
    let statusRow: Rect

    /// nil when the terminal is too small for the shell.
    init?(app: AppController, screen: Screen, bounds: Rect) {
        guard bounds.width >= 20, bounds.height >= 6 else { return nil }
        let (menuRow, belowMenu) = bounds.splitTop(1)
        let (tabRow, middle) = belowMenu.splitTop(1)
        longMessage = StatusLineView.overflowLines(app: app, width: bounds.width)
        let (content, statusArea) = middle.splitBottom(1 + longMessage.count)
        (messageRows, statusRow) = statusArea.splitBottom(1)
        self.menuRow = menuRow
        self.tabRow = tabRow
        sidebarActions = bounds.width >= ShellRenderer.sidebarMinimumTerminalWidth
            ? screen.commands(app: app).placed(in: .sidebar) : []
        if !sidebarActions.isEmpty {
            let sidebarWidth = bounds.width >= 110 ? 26 : 20
            (main, sidebar) = content.splitRight(sidebarWidth)
        } else {
            (main, sidebar) = (content, nil)
        }
    }
}

/// The global menu bar with every section, the current one highlighted. Where the full titles
/// do not fit, short ones are shown; where those do not fit either (below 80 columns), the bar
/// shows the run of sections around the current one, "‹" and "›" marking those left out.
enum MenuBarView {
    static func shortTitle(_ section: Section) -> String {
        switch section {
        case .opportunities: return "Opps"
        case .accounts: return "Accts"
        case .priceBooks: return "Prices"
        case .settings: return "Setup"
        default: return section.title
        }
    }

    static func render(current: Section, into frame: inout ScreenBuffer, rect: Rect, theme: Theme) {
        frame.fill(rect, style: theme.menuBar)
        let sections = Section.allCases
        let full = sections.map(\.title)
        let fitsFull = full.reduce(0) { $0 + DisplayWidth.of($1) + 2 } <= rect.width
        let titles = fitsFull ? full : sections.map(shortTitle)
        let gap = fitsFull ? 2 : 1
        let active = sections.firstIndex(of: current) ?? 0
        // A title takes its width and the space before it; the highlight takes a space after it.
        let shown = StripWindow.range(widths: titles.map { DisplayWidth.of($0) + gap }, active: active,
                                      width: rect.width - (2 - gap), before: 1, after: 1)
        var x = rect.x
        if shown.lowerBound > 0 { x += frame.write("‹", x: x, y: rect.y, style: theme.menuBar) }
        for index in shown {
            let title = titles[index]
            let style = index == active ? theme.menuActive : theme.menuBar
            if index == active { frame.fill(Rect(x: x, y: rect.y, width: DisplayWidth.of(title) + 2, height: 1), style: style) }
            frame.write(title, x: x + 1, y: rect.y, style: style, maxWidth: max(0, rect.maxX - x - 1))
            x += DisplayWidth.of(title) + gap
        }
        if shown.upperBound < sections.count { frame.write("›", x: rect.maxX - 1, y: rect.y, style: theme.menuBar) }
    }
}

/// The page tabs of the current screen, with the breadcrumb on the right. When the tabs are
/// wider than the terminal, only whole tabs are drawn, always including the active one: "‹"
/// marks hidden tabs before them, "+N ›" the number that follow (and the breadcrumb gives way).
enum TabBarView {
    static func render(tabs: [String], active: Int, breadcrumb: String, into frame: inout ScreenBuffer,
                       rect: Rect, theme: Theme) {
        frame.fill(rect, style: theme.tab)
        var x = rect.x
        let widths = tabs.map { DisplayWidth.of(SafeText.sanitize($0)) + 3 }
        let shown = StripWindow.range(widths: widths, active: min(max(0, active), max(0, tabs.count - 1)),
                                      width: rect.width, before: 1, after: DisplayWidth.of(followingMarker(tabs.count)))
        if shown.lowerBound > 0 { x += frame.write("‹", x: x, y: rect.y, style: theme.dim) }
        for index in shown {
            let style = index == active ? theme.tabActive : theme.tab
            x += frame.write(" \(tabs[index]) ", x: x, y: rect.y, style: style, maxWidth: max(0, rect.maxX - x))
            if x < rect.maxX { x += frame.write("│", x: x, y: rect.y, style: theme.dim) }
        }
        if shown.upperBound < tabs.count {
            frame.write(followingMarker(tabs.count - shown.upperBound), x: x, y: rect.y, style: theme.dim)
            return  // the tabs need the row; the menu bar names the section
        }
        let room = rect.maxX - x - 2
        if room > 8 {
            // Measured as drawn: escaped control characters are wider than the raw text.
            let crumb = TextLayout.truncate(SafeText.sanitize(breadcrumb), to: room)
            frame.write(crumb, x: rect.maxX - DisplayWidth.of(crumb) - 1, y: rect.y, style: theme.dim)
        }
    }

    /// The marker after the last tab shown: how many more follow.
    static func followingMarker(_ hidden: Int) -> String { " +\(hidden) ›" }
}

/// Which items of a one-row strip (the menu's sections, a page's tabs) fit in `width` columns
/// with the active one always among them: the earliest start that still reaches the active item,
/// then as many after it as fit. `before` and `after` columns are kept for the markers of items
/// left out on either side.
enum StripWindow {
    static func range(widths: [Int], active: Int, width: Int, before: Int, after: Int) -> Range<Int> {
        guard widths.indices.contains(active) else { return 0..<widths.count }
        if widths.reduce(0, +) <= width { return 0..<widths.count }
        let cost = { (range: Range<Int>) -> Int in
            widths[range].reduce(0, +) + (range.lowerBound > 0 ? before : 0) + (range.upperBound < widths.count ? after : 0)
        }
        var first = 0
        while first < active, cost(first..<active + 1) > width { first += 1 }
        var end = active + 1
        while end < widths.count, cost(first..<end + 1) <= width { end += 1 }
        return first..<end
    }
}

/// The right sidebar: the current page's actions with their keys.
enum SidebarView {
    static func render(actions: [Command], bindings: KeyBindings, contexts: [KeyContext],
                       into frame: inout ScreenBuffer, rect: Rect, theme: Theme) {
        frame.fill(rect, style: theme.sidebar)
        frame.write(" Actions", x: rect.x, y: rect.y, style: theme.sidebar.with(.bold))
        if let key = bindings.keyLabel(for: .sidebarFocus, in: contexts) {
            frame.write("(\(key))", x: rect.x + 9, y: rect.y, style: theme.sidebar)
        }
        var y = rect.y + 1
        for action in actions where y < rect.maxY {
            let key = bindings.keyLabel(for: action.id, in: contexts) ?? ""
            frame.write(" " + TextLayout.pad(key, to: 5), x: rect.x, y: y, style: theme.sidebarKey)
            frame.write(action.labelInSidebar, x: rect.x + 7, y: y, style: theme.sidebar,
                        maxWidth: rect.width - 8)
            y += 1
        }
    }
}

/// The bottom line: who is logged in, the message of the moment or the keys that work here.
enum StatusLineView {
    /// The most rows a long message takes above the status line; a longer one is cut there.
    static let maximumMessageRows = 3

    static func render(app: AppController, screen: Screen, into frame: inout ScreenBuffer, rect: Rect,
                       showsMessage: Bool = true) {
        let theme = app.theme
        frame.fill(rect, style: theme.status)
        let used = frame.write(who(app), x: rect.x, y: rect.y, style: theme.status.with(.bold))
        var x = rect.x + used + 1
        if let pending = app.bindings.pendingText {
            x += frame.write(pending + "-", x: x, y: rect.y, style: theme.status.with(.bold)) + 1
        }
        if showsMessage, let message = app.statusMessage {
            let style = message.isError ? theme.statusError : theme.status
            frame.write(" " + message.text + " ", x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
            return
        }
        let hints = hintText(app: app, screen: screen, width: rect.maxX - x)
        frame.write(hints, x: x, y: rect.y, style: theme.status, maxWidth: rect.maxX - x)
    }

    /// The bottom row of `frame` saying that a save is waiting (`SaveWait`).
    static func render(saving text: String, app: AppController, into frame: inout ScreenBuffer) {
        let row = Rect(x: 0, y: frame.height - 1, width: frame.width, height: 1)
        frame.fill(row, style: app.theme.status)
        let used = frame.write(who(app), x: 0, y: row.y, style: app.theme.status.with(.bold))
        frame.write(" " + text + " ", x: used + 1, y: row.y, style: app.theme.status.with(.bold), maxWidth: row.width - used - 1)
    }

    private static func who(_ app: AppController) -> String {
        " \(app.session.user.login) · \(app.session.user.role.title) "
    }

    /// The message in lines of the terminal's width when it does not fit beside the user's name
    /// on the status line; empty when it fits (or there is none).
    static func overflowLines(app: AppController, width: Int) -> [String] {
        guard let message = app.statusMessage else { return [] }
        let room = width - DisplayWidth.of(who(app)) - 3
        guard DisplayWidth.of(message.text) > room else { return [] }
        return Array(TextWrap.lines(message.text, width: width - 2).prefix(maximumMessageRows))
    }

    /// The rows of a long message, above the status line.
    static func render(_ lines: [String], app: AppController, into frame: inout ScreenBuffer, rect: Rect) {
        guard let message = app.statusMessage, !lines.isEmpty else { return }
        let style = message.isError ? app.theme.statusError : app.theme.status
        frame.fill(rect, style: style)
        for (row, line) in lines.enumerated() {
            frame.write(" " + line, x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
    }

    /// The key hints of this screen, as many whole hints as fit in `width` columns.
    static func hintText(app: AppController, screen: Screen, width: Int) -> String {
        let contexts = screen.contexts
        if !screen.isTyping, let own = screen.statusHints(app: app) { return fitting(own, width: width) }
        let wanted: [CommandID] = screen.isTyping
            ? [.formSave, .formCancel, .fieldNext]
            : [.helpShow, .paletteOpen, .gotoRecord, .sidebarFocus, .screenBack]
        return fitting(wanted.compactMap { id in
            app.bindings.keyLabel(for: id, in: contexts).map { "\($0) \(CommandRegistry.hint(id))" }
        }, width: width)
    }

    /// As many whole hints as fit in `width` columns, two spaces apart.
    static func fitting(_ hints: [String], width: Int) -> String {
        var text = ""
        for hint in hints {
            let next = (text.isEmpty ? "" : "  ") + hint
            if DisplayWidth.of(text + next) > width { break }
            text += next
        }
        return text
    }
}
