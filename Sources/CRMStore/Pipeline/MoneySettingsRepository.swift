import CRMCore
import Foundation
import GRDB

/// The base currency and the exchange rates (ST-5, QT-7) every total converts with.
///
/// Rates are kept with the day they apply from, so history can be recomputed; the table in
/// effect on a day takes, per currency, the latest rate not after it.
public struct MoneySettingsRepository: Sendable {
    let database: AppDatabase
    let actor: User

    /// The currency totals are shown in.
    public func baseCurrency() throws -> Currency {
        try database.read { db in try Self.baseCurrency(db) }
    }

    static func baseCurrency(_ db: Database) throws -> Currency {
        let code = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'base_currency'") ?? "EUR"
        guard let currency = try? Currency(code: code) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the base currency \"\(code)\" is not a currency code")
        }
        return currency
    }

    /// Changes the base currency. Stored rates are relative to the base, so they must be
    /// re-entered for the new one: the change is refused while rates exist, with that reason.
    public func setBaseCurrency(_ currency: Currency) throws {
        try database.write(as: actor) { db, journal in
            let old = try Self.baseCurrency(db)
            guard old != currency else { return }
            let rates = try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange_rates") ?? 0
            guard rates == 0 else {
                throw RuleViolationError(
                    "Exchange rates are stated in \(old.code); delete the \(rates) stored rate\(rates == 1 ? "" : "s") "
                        + "before changing the base currency, then enter them against \(currency.code).")
            }
            try db.execute(
                sql: "UPDATE settings SET value = ?, version = version + 1 WHERE key = 'base_currency'",
                arguments: [currency.code])
            try journal.changed(.setting, 0, field: "base_currency", from: old.code, to: currency.code)
        }
    }

    /// Every stored rate, by currency, newest first.
    public func rates() throws -> [ExchangeRate] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM exchange_rates ORDER BY currency, valid_from DESC").map { try ExchangeRate(row: $0) }
        }
    }

    /// The rates in effect on `day`.
    public func table(on day: CalendarDate) throws -> ExchangeRateTable {
        try database.read { db in try Self.table(db, on: day) }
    }

    static func table(_ db: Database, on day: CalendarDate) throws -> ExchangeRateTable {
        let rows = try Row.fetchAll(db, sql: """
            SELECT currency, rate FROM exchange_rates r
            WHERE valid_from = (SELECT max(valid_from) FROM exchange_rates WHERE currency = r.currency AND valid_from <= ?)
            """, arguments: [day.description])
        var rates: [String: Decimal] = [:]
        for row in rows { rates[row["currency"]] = try DecimalText.parse(row["rate"] as String) }
        return ExchangeRateTable(base: try baseCurrency(db), rates: rates)
    }

    /// Stores a rate of `currency` from `validFrom` on; replaces the rate of that same day.
    public func setRate(_ rate: Decimal, for currency: Currency, from validFrom: CalendarDate) throws -> ExchangeRate {
        try database.write(as: actor) { db, journal in
            let base = try Self.baseCurrency(db)
            var errors: [FieldError] = []
            if currency == base {
                errors.append(FieldError(field: "currency", message: "\(base.code) is the base currency; its rate is always 1."))
            }
            if rate <= 0 {
                errors.append(FieldError(field: "rate", message: "A rate must be greater than zero."))
            }
            guard errors.isEmpty else { throw ValidationError(errors) }
            let (stored, old) = try Self.store(db, rate, for: currency, from: validFrom)
            try journal.changed(
                .exchangeRate, stored.id, field: "\(currency.code) \(validFrom)", from: old ?? "",
                to: Self.text(of: rate))
            try OpportunityColumns.refreshSortAmounts(db)
            return stored
        }
    }

    /// Writes a checked rate as exact decimal text, replacing the rate of that same day; returns
    /// the stored rate and the text it replaced. Callers journal it and refresh the sort keys
    /// (the demo loader does the latter by computing them with the stored rates).
    static func store(
        _ db: Database, _ rate: Decimal, for currency: Currency, from validFrom: CalendarDate
    ) throws -> (stored: ExchangeRate, replaced: String?) {
        let old = try String.fetchOne(
            db, sql: "SELECT rate FROM exchange_rates WHERE currency = ? AND valid_from = ?",
            arguments: [currency.code, validFrom.description])
        try db.execute(sql: """
            INSERT INTO exchange_rates (currency, rate, valid_from) VALUES (?, ?, ?)
            ON CONFLICT (currency, valid_from) DO UPDATE SET rate = excluded.rate, version = version + 1
            """, arguments: [currency.code, text(of: rate), validFrom.description])
        let row = try Row.fetchOne(
            db, sql: "SELECT * FROM exchange_rates WHERE currency = ? AND valid_from = ?",
            arguments: [currency.code, validFrom.description])!
        return (try ExchangeRate(row: row), old)
    }

    /// A rate as stored: every digit it was given, no more.
    private static func text(of rate: Decimal) -> String {
        DecimalText.format(rate, minorDigits: max(0, -rate.exponent))
    }

    /// Deletes a rate if it is still at `expectedVersion`.
    public func deleteRate(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM exchange_rates WHERE id = ?", arguments: [id]) else {
                throw RecordNotFoundError(entity: .exchangeRate, id: id)
            }
            let current = try ExchangeRate(row: row)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .exchangeRate, fresh: current) }
            try db.execute(sql: "DELETE FROM exchange_rates WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .exchangeRate, id)
            try OpportunityColumns.refreshSortAmounts(db)
        }
    }
}

extension ExchangeRate {
    init(row: Row) throws {
        guard let validFrom = CalendarDate(parsing: row["valid_from"]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "bad date in exchange_rates.valid_from")
        }
        self.init(
            id: row["id"], currency: try Currency(code: row["currency"]), rate: try DecimalText.parse(row["rate"]),
            validFrom: validFrom, version: row["version"])
    }
}
