import CRMCore
import TerminalUI

/// The calendar picker of date fields: arrows or h/j/k/l move by day and week, PgUp/PgDn by
/// month, `t` jumps to today, Enter picks, Esc leaves the field as it was.
final class CalendarPopup: Overlay {
    private var cursor: CalendarDate
    private let onPick: (CalendarDate, AppController) -> Void

    init(start: CalendarDate?, onPick: @escaping (CalendarDate, AppController) -> Void) {
        cursor = start ?? .today()
        self.onPick = onPick
    }

    func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        switch (event.key, event.modifiers) {
        case (.left, []), (.char("h"), []): cursor = cursor.adding(days: -1)
        case (.right, []), (.char("l"), []): cursor = cursor.adding(days: 1)
        case (.up, []), (.char("k"), []): cursor = cursor.adding(days: -7)
        case (.down, []), (.char("j"), []): cursor = cursor.adding(days: 7)
        case (.pageUp, []), (.char("<"), []): cursor = cursor.adding(months: -1)
        case (.pageDown, []), (.char(">"), []): cursor = cursor.adding(months: 1)
        case (.char("t"), []): cursor = .today()
        case (.enter, []), (.char(" "), []):
            app.dismiss(self)
            onPick(cursor, app)
        case (.escape, []), (.char("q"), []): app.dismiss(self)
        default: break
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        let rect = bounds.centered(width: 26, height: 11)
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.border, title: "\(Self.monthNames[cursor.month - 1]) \(cursor.year)")
        buffer.write("Mo Tu We Th Fr Sa Su", x: rect.x + 3, y: rect.y + 1, style: theme.header)
        let first = CalendarDate(year: cursor.year, month: cursor.month, day: 1)!
        let offset = first.weekdayFromMonday
        let days = CalendarDate.daysIn(year: cursor.year, month: cursor.month)
        let today = CalendarDate.today()
        for day in 1...days {
            let cell = offset + day - 1
            let x = rect.x + 3 + (cell % 7) * 3
            let y = rect.y + 2 + cell / 7
            var style = theme.plain
            if day == today.day, cursor.month == today.month, cursor.year == today.year { style = theme.accent }
            if day == cursor.day { style = theme.selected }
            buffer.write(TextLayout.pad(String(day), to: 2, alignRight: true), x: x, y: y, style: style)
        }
        buffer.write("PgUp/PgDn month · t today", x: rect.x + 1, y: rect.maxY - 2, style: theme.dim, maxWidth: rect.width - 2)
    }
}
