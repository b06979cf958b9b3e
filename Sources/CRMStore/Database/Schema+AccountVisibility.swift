import CRMCore
import Foundation
import GRDB

extension Schema {
    /// v21: an account is global or private, never both (AC-2). Earlier forms let both flags be
    /// ticked. Such accounts stay private and lose the global flag: their creator asked for
    /// nobody else to see them, and clearing the other flag would show them to everyone. Each
    /// change is journaled like an edit, without a user (the upgrade made it). Triggers then
    /// refuse any write that sets both, whichever code makes it. Safe to run again.
    static func makeAccountVisibilityOneChoice(_ db: Database) throws {
        let both = try Int64.fetchAll(db, sql: "SELECT id FROM accounts WHERE is_global AND is_private ORDER BY id")
        let journal = JournalWriter(db: db, userID: nil, at: Date())
        try journal.changed(.account, both, field: AccountDraft.Field.isGlobal.rawValue, from: "true", to: "false")
        try db.execute(sql: """
            UPDATE accounts SET is_global = 0, version = version + 1 WHERE is_global AND is_private;
            CREATE TRIGGER IF NOT EXISTS accounts_visibility_insert BEFORE INSERT ON accounts WHEN NEW.is_global AND NEW.is_private BEGIN
                SELECT RAISE(ABORT, 'An account is either global or private, not both.');
            END;
            CREATE TRIGGER IF NOT EXISTS accounts_visibility_update BEFORE UPDATE OF is_global, is_private ON accounts
                WHEN NEW.is_global AND NEW.is_private BEGIN
                SELECT RAISE(ABORT, 'An account is either global or private, not both.');
            END;
            """)
    }
}
