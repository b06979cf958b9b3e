import CRMCore
import Foundation

/// Forms for money settings (ST-5): the base currency, and exchange rates typed as exact
/// decimals (`NumberInput`, never a binary floating-point number).
enum CurrencyForms {
    static let rateHint = "not a rate: write a decimal number such as 0.0398"

    // The forms' own fields: no record draft declares them.
    static let currencyKey = "currency"
    static let rateKey = "rate"
    static let validFromKey = "validFrom"

    /// The rate typed, or the message to show under its field.
    static func parseRate(_ text: String) -> Result<Decimal, InputProblem> {
        Result { () throws(InputProblem) in
            let rate = try NumberInput.decimal(text, unreadable: rateHint)
            guard rate > 0 else { throw InputProblem("A rate must be greater than zero.") }
            return rate
        }
    }

    /// The ISO currency typed (any case), or the message to show under its field.
    static func parseCurrency(_ text: String) -> Result<Currency, InputProblem> {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        do {
            return .success(try Currency(code: code))
        } catch {
            return .failure(InputProblem(error.description))
        }
    }

    static func newRate(app: AppController) -> FormScreen {
        let fields = [
            FormField(key: currencyKey, label: "Currency (ISO code)", kind: .text, required: true, maxLength: 3),
            FormField(key: rateKey, label: "Rate", kind: .text, required: true, maxLength: 40),
            FormField(key: validFromKey, label: "Valid from", kind: .date, required: true,
                      text: app.session.database.today.description),
        ]
        return FormScreen(section: .settings, title: "Settings › Currencies › New exchange rate", fields: fields) { values, app in
            var typed = TypedValues(values)
            let day = typed.day(validFromKey, today: app.session.database.today)
            var errors = typed.errors
            let currency = parseCurrency(values[currencyKey]?.value ?? "")
            if case .failure(let error) = currency { errors[currencyKey] = error.message }
            let rate = parseRate(values[rateKey]?.value ?? "")
            if case .failure(let error) = rate { errors[rateKey] = error.message }
            guard errors.isEmpty, case .success(let currency) = currency, case .success(let rate) = rate,
                  let day else { return .invalid(errors) }
            return FormConflict.outcome {
                let saved = try app.session.moneySettings.setRate(rate, for: currency, from: day)
                return "Saved 1 \(saved.currency.code) = \(DecimalText.format(saved.rate, minorDigits: 0)) from \(saved.validFrom)"
            }
        }
    }

    static func editRate(_ stored: ExchangeRate, app: AppController) -> FormScreen {
        let version = EditedVersion(of: stored)
        let field = { (rate: Decimal) in
            FormField(key: rateKey, label: "Rate", kind: .text, required: true,
                      text: DecimalText.format(rate, minorDigits: 0), maxLength: 40)
        }
        let title = "Settings › Currencies › \(stored.currency.code) from \(stored.validFrom)"
        return FormScreen(section: .settings, title: title, fields: [field(stored.rate)]) { values, app in
            let rate: Decimal
            switch parseRate(values[rateKey]?.value ?? "") {
            case .success(let parsed): rate = parsed
            case .failure(let error): return .invalid([rateKey: error.message])
            }
            return FormConflict.outcome {
                let saved = try version.save({ try app.session.moneySettings.updateRate(id: stored.id, to: rate, expectedVersion: $0) },
                                             showing: { [field($0.rate)] })
                return "Saved 1 \(saved.currency.code) = \(DecimalText.format(saved.rate, minorDigits: 0))"
            }
        }
    }

    /// Changing the base currency is refused while rates exist (they are stated in the old
    /// one); the store's reason is shown under the field, with the input kept.
    static func baseCurrency(current: Currency?, app: AppController) -> FormScreen {
        let fields = [FormField(key: currencyKey, label: "Base currency (ISO code)", kind: .text, required: true,
                                text: current?.code ?? "", maxLength: 3)]
        return FormScreen(section: .settings, title: "Settings › Currencies › Base currency", fields: fields) { values, app in
            let currency: Currency
            switch parseCurrency(values[currencyKey]?.value ?? "") {
            case .success(let parsed): currency = parsed
            case .failure(let error): return .invalid([currencyKey: error.message])
            }
            do {
                try app.session.moneySettings.setBaseCurrency(currency)
                return .saved(message: "The base currency is now \(currency.code)")
            } catch let refusal as RuleViolationError {
                return .invalid([currencyKey: refusal.message])
            } catch {
                return .failed(ErrorText.describe(error))
            }
        }
    }
}
