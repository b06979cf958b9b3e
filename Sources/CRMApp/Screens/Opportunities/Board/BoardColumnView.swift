import CRMCore
import TerminalUI

/// Draws one board column: the header (status tag and name, count, total in the base
/// currency, optionally the per-currency breakdown) and the cards of its window.
enum BoardColumnView {
    /// Rows one card takes, with the blank row that separates it from the next.
    static let cardRows = 4

    /// The lines of the per-currency breakdown of `totals`, wrapped to `width`: "EUR 1.2M ·
    /// USD 300k", then "no rate: JPY" when a currency has no exchange rate.
    static func breakdownLines(_ totals: CurrencyTotals, rates: ExchangeRateTable, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for money in totals.breakdown(rates) {
            let item = CompactMoney.text(money)
            if line.isEmpty {
                line = item
            } else if DisplayWidth.of(line + " · " + item) <= width {
                line += " · " + item
            } else {
                lines.append(line)
                line = item
            }
        }
        if !line.isEmpty { lines.append(line) }
        let missing = totals.unconverted(rates)
        if !missing.isEmpty { lines.append("no rate: " + missing.map(\.code).joined(separator: ", ")) }
        return lines.isEmpty ? ["no amounts"] : lines
    }

    /// "Σ 1,234,567.00 EUR", shortened to "Σ EUR 1.2M" when narrow; "*" marks a total that
    /// leaves out currencies without a rate.
    static func totalText(_ totals: CurrencyTotals, rates: ExchangeRateTable, width: Int) -> String {
        let total = totals.total(in: rates)
        let mark = totals.unconverted(rates).isEmpty ? "" : " *"
        let full = "Σ " + MoneyDisplay.text(total) + mark
        return DisplayWidth.of(full) <= width ? full : "Σ " + CompactMoney.text(total) + mark
    }

    struct Header {
        let column: BoardColumn
        let rates: ExchangeRateTable
        let breakdown: [String]?
        let isFocused: Bool
    }

    /// Draws the header into `rect` (its height is the board's header height).
    static func renderHeader(_ header: Header, into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        let column = header.column
        let inner = rect.width - 2
        let count = BoundedCount(value: column.count, isExact: true).description
        let titleStyle = header.isFocused ? theme.tabActive : theme.header
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: titleStyle)
        buffer.write("■", x: rect.x + 1, y: rect.y,
                     style: header.isFocused ? titleStyle : app.theme.tag(column.status.colour))
        buffer.write(column.status.name, x: rect.x + 3, y: rect.y, style: titleStyle,
                     maxWidth: max(1, inner - 3 - DisplayWidth.of(count)))
        buffer.write(count, x: rect.maxX - 1 - DisplayWidth.of(count), y: rect.y, style: titleStyle)
        buffer.write(totalText(column.totals, rates: header.rates, width: inner), x: rect.x + 1, y: rect.y + 1,
                     style: theme.accent, maxWidth: inner)
        for (offset, line) in (header.breakdown ?? []).enumerated() where offset + 2 < rect.height - 1 {
            buffer.write(line, x: rect.x + 1, y: rect.y + 2 + offset, style: theme.dim, maxWidth: inner)
        }
        buffer.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.maxY - 1, style: theme.border)
    }

    /// Draws the column's cards into `rect`, the selected one highlighted when `isFocused`.
    static func renderCards(_ column: BoardColumn, isFocused: Bool, filtered: Bool,
                            into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let window = column.window
        if window.rows.isEmpty {
            buffer.write(filtered ? "No match" : "No opportunities", x: rect.x + 1, y: rect.y + 1, style: theme.dim,
                         maxWidth: rect.width - 2)
            return
        }
        for (index, card) in window.rows.enumerated() {
            let y = rect.y + index * cardRows
            guard y + 2 < rect.maxY else { break }
            let selected = isFocused && index == window.selected
            renderCard(card, selected: selected, into: &buffer, rect: Rect(x: rect.x, y: y, width: rect.width, height: 3),
                       theme: theme)
        }
    }

    /// Name; account; amount · expected close · owner — each cut to the column by display width.
    private static func renderCard(_ card: Opportunity, selected: Bool, into buffer: inout ScreenBuffer, rect: Rect,
                                   theme: Theme) {
        func details(_ amount: (Money) -> String) -> String {
            [card.amount.map(amount), card.expectedClose?.description, card.ownerName].compactMap { $0 }
                .joined(separator: " · ")
        }
        let full = details(MoneyDisplay.text)
        let detailLine = DisplayWidth.of(full) < rect.width ? full : details(CompactMoney.text)
        let lines: [(String, Style)] = [
            (card.name, selected ? theme.selected.with(.bold) : theme.plain.with(.bold)),
            (card.accountName ?? "no account", selected ? theme.selected : (card.accountName == nil ? theme.dim : theme.plain)),
            (detailLine, selected ? theme.selected : theme.dim),
        ]
        for (offset, (text, style)) in lines.enumerated() {
            buffer.writeField(" " + text, x: rect.x, y: rect.y + offset, width: rect.width, style: style)
        }
    }
}
