import Foundation

/// An exact amount of one currency (QT-7): a `Decimal`, never a floating-point number.
///
/// Arithmetic is exact; rounding happens only when asked for, with an explicit mode. Amounts of
/// different currencies never mix silently: converting needs an exchange rate.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// How an amount is brought to a currency's minor units.
    public enum Rounding: Sendable {
        /// Half away from zero (2.345 → 2.35, -2.345 → -2.35): what invoices and people expect.
        case plain
        /// Half to even (2.345 → 2.34, 2.355 → 2.36): unbiased over many roundings.
        case bankers
    }

    public let currency: Currency
    public let amount: Decimal

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses machine text (intake payloads, lead-rule conditions) such as "1 234,50",
    /// "1234.50", "-3" or "1.234.567,89" exactly. What people type into forms is read by
    /// `MoneyInput`, as the app displays amounts.
    ///
    /// Spaces (including no-break and thin spaces) and apostrophes group digits. With both `.`
    /// and `,` present, the last one is the decimal separator; a single kind that occurs more
    /// than once groups thousands; one separator on its own is the decimal separator.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        self.init(try DecimalText.parse(text), currency)
    }

    /// The amount rounded to the currency's minor units.
    public func rounded(_ rounding: Rounding = .plain) -> Money {
        Money(Self.round(amount, scale: currency.minorUnits, rounding), currency)
    }

    /// The amount as plain text with exactly the currency's minor digits, e.g. "-1234.50".
    ///
    /// A neutral machine format for storage, exports and tests; locale-aware display belongs to
    /// the interface.
    public func amountText(_ rounding: Rounding = .plain) -> String {
        DecimalText.format(Self.round(amount, scale: currency.minorUnits, rounding), minorDigits: currency.minorUnits)
    }

    /// "1234.50 CZK", rounded plainly.
    public var description: String { "\(amountText()) \(currency.code)" }

    /// The sum of two amounts of the same currency; throws `.currencyMismatch` otherwise.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency.code, other.currency.code) }
        return Money(amount + other.amount, currency)
    }

    /// This amount times a quantity or a rate, unrounded.
    public func multiplied(by factor: Decimal) -> Money {
        Money(amount * factor, currency)
    }

    /// Adds amounts known to share a currency; mixing currencies is a programming error.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Adding \(lhs.currency) to \(rhs.currency)")
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }

    /// Subtracts amounts known to share a currency; mixing currencies is a programming error.
    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }

    private static func round(_ value: Decimal, scale: Int, _ rounding: Rounding) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, rounding == .plain ? .plain : .bankers)
        return result
    }
}

extension Money {
    /// The largest magnitude stored as minor units: well inside `Int64` and inside the exact
    /// integer range of SQLite's `sum()`, even over millions of rows.
    static let minorUnitsLimit: Int64 = 999_999_999_999_999

    /// The amount as a whole number of minor units (cents), or `nil` when it has more decimals
    /// than the currency allows or is too large to store.
    public var minorUnits: Int64? {
        var scaled = amount
        var power = Decimal(1)
        for _ in 0..<currency.minorUnits { power *= 10 }
        scaled *= power
        var whole = Decimal()
        NSDecimalRound(&whole, &scaled, 0, .plain)
        guard whole == scaled, whole.magnitude <= Decimal(Self.minorUnitsLimit) else { return nil }
        // Decimal's description of a whole number is its plain digits, parsed exactly.
        return Int64(whole.description)
    }

    /// Why `minorUnits` is `nil`, as a sentence for whoever typed the amount, or `nil` when it
    /// can be stored: too many decimals for the currency, or beyond `minorUnitsLimit`.
    public var storageProblem: String? {
        guard minorUnits == nil else { return nil }
        if rounded().amount != amount { return currency.decimalsRule }
        // The limit is all nines, so amounts must stay below 10^(its digits − the minor digits).
        let digits = String(Self.minorUnitsLimit).count - currency.minorUnits
        return "\(currency.code) amounts must stay below 10^\(digits)."
    }

    /// The amount of `minorUnits` minor units of `currency`, exactly.
    public init(minorUnits: Int64, _ currency: Currency) {
        self.init(Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnits,
                          significand: Decimal(minorUnits.magnitude)), currency)
    }
}
