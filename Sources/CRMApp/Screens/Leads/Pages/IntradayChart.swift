import CRMCore
import TerminalUI

/// Today's leads per hour as vertical bars of block characters (eighths of a cell), with the
/// average of the week before as a dim line across each hour's column, the counts under the
/// bars and the hours under those. Hours still to come show only their baseline.
enum IntradayChart {
    private static let eighths = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]

    static func render(_ counts: IntradayCounts, into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let axisWidth = 6
        let column = max(2, min(5, (rect.width - axisWidth) / 24))
        let chartHeight = rect.height - 2
        guard chartHeight >= 3 else { return }
        let peak = max(1, counts.hours.max() ?? 0, ((counts.baselineHundredths.max() ?? 0) + 99) / 100)
        let bottom = rect.y + chartHeight - 1
        for (label, row) in [(peak, rect.y), (peak / 2, rect.y + chartHeight / 2), (0, bottom)] {
            buffer.writeField(String(label), x: rect.x, y: row, width: axisWidth - 2, style: theme.dim, alignRight: true)
        }
        for row in rect.y...bottom {
            buffer.write("│", x: rect.x + axisWidth - 1, y: row, style: theme.dim)
        }
        for hour in 0..<24 {
            let x = rect.x + axisWidth + hour * column
            guard x + column - 1 <= rect.maxX else { break }
            let barWidth = column - 1
            let barEighths = counts.hours[hour] * chartHeight * 8 / peak
            let baselineEighths = counts.baselineHundredths[hour] * chartHeight * 8 / (peak * 100)
            let isFuture = hour > counts.currentHour
            for level in 0..<chartHeight {
                let y = bottom - level
                let filled = barEighths - level * 8
                if filled > 0, !isFuture {
                    let cell = filled >= 8 ? "█" : eighths[filled - 1]
                    buffer.write(String(repeating: cell, count: barWidth), x: x, y: y, style: theme.accent)
                } else if counts.baselineHundredths[hour] > 0, baselineEighths / 8 == level {
                    buffer.write(String(repeating: "─", count: barWidth), x: x, y: y, style: theme.dim)
                }
            }
            if !isFuture {
                buffer.writeField(compact(counts.hours[hour]), x: x, y: bottom + 1, width: barWidth, style: theme.plain,
                                  alignRight: true)
            }
            if column >= 3 || hour % 2 == 0 {
                let label = hour < 10 ? "0\(hour)" : "\(hour)"
                let style = hour == counts.currentHour ? theme.header : theme.dim
                buffer.write(label, x: x + max(0, barWidth - 2), y: bottom + 2, style: style)
            }
        }
    }

    /// A count in at most three characters ("999", "1k", "12k").
    static func compact(_ count: Int) -> String { count < 1_000 ? String(count) : "\(count / 1_000)k" }
}
