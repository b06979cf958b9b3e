import CRMCore
import Foundation
import GRDB

/// A list's filter text applied to its query (FI-2): the compiled condition joins the list's
/// conditions, and the plain words go to the quick filter, whose search-index plans answer them
/// fastest. Text without filter syntax skips the compiler, so typing words costs what it did.
struct ListFilter {
    let condition: SQL?
    let quick: QuickFilter

    /// Characters that only filter syntax uses; text without them is plain words.
    private static let syntax = CharacterSet(charactersIn: ":=<>!()\"|")

    init(_ db: Database, text: String, table: String, database: AppDatabase, actor: User?,
         catalog: (Database) throws -> FilterCatalog) throws {
        let plain = text.rangeOfCharacter(from: Self.syntax) == nil && !text.contains("-")
            && !text.split(separator: " ").contains { $0 == "OR" || $0 == "NOT" || $0 == "AND" }
        guard !plain else {
            condition = nil
            quick = QuickFilter(table: table, text: text)
            return
        }
        let today = database.today
        let context = FilterContext(today: today, timeZone: .current, me: actor?.id ?? -1,
                                    rates: try MoneySettingsRepository.table(db, on: today))
        let compiled = try catalog(db).compile(text, context: context)
        condition = compiled.condition
        quick = QuickFilter(table: table, text: compiled.words)
    }
}
