import CRMCore
import Foundation
import GRDB

extension MoneySettingsRepository {
    /// Changes the value of a stored rate if it is still at `expectedVersion` (ST-7), so two
    /// people editing one rate never silently overwrite each other. Its currency and day stay;
    /// a rate for another day is a new rate (`setRate`).
    public func updateRate(id: Int64, to rate: Decimal, expectedVersion: Int) throws -> ExchangeRate {
        try database.write(as: actor) { db, journal in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM exchange_rates WHERE id = ?", arguments: [id]) else {
                throw RecordNotFoundError(entity: .exchangeRate, id: id)
            }
            let current = try ExchangeRate(row: row)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .exchangeRate, fresh: current) }
            guard rate > 0 else {
                throw ValidationError([FieldError(field: "rate", message: "A rate must be greater than zero.")])
            }
            let old = try String.fetchOne(db, sql: "SELECT rate FROM exchange_rates WHERE id = ?", arguments: [id]) ?? ""
            let text = DecimalText.format(rate, minorDigits: max(0, -rate.exponent))
            try db.execute(
                sql: "UPDATE exchange_rates SET rate = ?, version = version + 1 WHERE id = ?", arguments: [text, id])
            try journal.changed(.exchangeRate, id, field: "\(current.currency.code) \(current.validFrom)", from: old, to: text)
            try OpportunityColumns.refreshSortAmounts(db)
            guard let saved = try Row.fetchOne(db, sql: "SELECT * FROM exchange_rates WHERE id = ?", arguments: [id]) else {
                throw RecordNotFoundError(entity: .exchangeRate, id: id)
            }
            return try ExchangeRate(row: saved)
        }
    }
}
