import CRMCore
import Foundation
import GRDB

/// SQL functions filters call, installed on every connection: folding and word keys exactly as
/// `SearchText` makes them (SQLite's own `lower` knows neither accents nor non-ASCII case), and
/// the minor units of a decimal-text amount (rounded half away from zero).
enum FilterFunctions {
    static let fold = "crm_fold"
    static let words = "crm_words"
    static let minorUnits = "crm_minor_units"

    static func install(_ db: Database) {
        db.add(function: DatabaseFunction(fold, argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(SearchText.fold)
        })
        db.add(function: DatabaseFunction(words, argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map { SearchText.key([$0]) }
        })
        db.add(function: DatabaseFunction(minorUnits, argumentCount: 2, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]), let code = String.fromDatabaseValue(values[1]),
                  let currency = try? Currency(code: code),
                  let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            var scaled = amount * Decimal(sign: .plus, exponent: currency.minorUnits, significand: 1)
            var minor = Decimal()
            NSDecimalRound(&minor, &scaled, 0, .plain)
            return Int64(minor.description)
        })
    }
}
