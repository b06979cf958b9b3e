import CRMCore
import TerminalUI

/// The settings tab of money (ST-5): the base currency every total is shown in, and the dated
/// exchange rates into it.
final class CurrenciesPage: SettingsPage {
    let title = "Currencies"
    private var base: Currency?
    private var rates: [ExchangeRate] = []

    var rowCount: Int { rates.count }

    func reload(app: AppController) {
        base = app.attempt("Could not read the base currency") { try app.session.moneySettings.baseCurrency() } ?? base
        rates = app.attempt("Could not read the exchange rates") { try app.session.moneySettings.rates() } ?? rates
    }

    private var actions: SettingsRowActions<ExchangeRate> {
        SettingsRowActions(
            noun: "exchange rate", name: { "\($0.currency.code) from \($0.validFrom)" },
            form: { rate, app in rate.map { CurrencyForms.editRate($0, app: app) } ?? CurrencyForms.newRate(app: app) },
            delete: { rate, app in try app.session.moneySettings.deleteRate(id: rate.id, expectedVersion: rate.version) },
            reorder: nil, reload: { [unowned self] app in reload(app: app) })
    }

    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        actions.commands(rows: rates, selected: selected, select: select) + [
            Command(.currencyBaseEdit, [.sidebar]) { [base] app in app.push(CurrencyForms.baseCurrency(current: base, app: app)) },
        ]
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        let theme = app.theme
        let used = buffer.write("Base currency: ", x: rect.x + 1, y: rect.y, style: theme.header)
        let code = base?.code ?? "?"
        buffer.write(code, x: rect.x + 1 + used, y: rect.y, style: theme.accent)
        if let key = app.bindings.keyLabel(for: .currencyBaseEdit, in: [.settings, .list]) {
            buffer.write("  (\(key) to change)", x: rect.x + 1 + used + DisplayWidth.of(code), y: rect.y, style: theme.dim)
        }
        let table = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2))
        TableView.render(rates, columns: [
            TableColumn("Currency", minWidth: 8) { $0.currency.code },
            TableColumn("Rate in \(code)", minWidth: 12, alignRight: true) { DecimalText.format($0.rate, minorDigits: 0) },
            TableColumn("Valid from", minWidth: 10, weight: 1) { $0.validFrom.description },
        ], selected: selected, sortColumn: nil, ascending: true, into: &buffer, rect: table, theme: theme)
        if rates.isEmpty {
            buffer.write("No exchange rates yet: amounts in other currencies are not converted.",
                         x: table.x + 2, y: table.y + 2, style: theme.dim, maxWidth: table.width - 4)
        }
    }
}
