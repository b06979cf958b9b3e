import GRDB

extension Schema {
    /// v9: saved filters (FI-1) and the default filter of each role per list.
    ///
    /// Columns are stored as one text of titles separated by a unit separator (U+001F), which no
    /// column title contains.
    static func createSavedFilters(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE saved_filters (
                id INTEGER PRIMARY KEY,
                list TEXT NOT NULL,
                name TEXT NOT NULL,
                query TEXT NOT NULL,
                columns TEXT NOT NULL,
                sort TEXT,
                ascending INTEGER NOT NULL,
                grouping TEXT,
                is_public INTEGER NOT NULL,
                owner_id INTEGER NOT NULL REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (list, owner_id, name)
            );
            CREATE INDEX saved_filters_by_list ON saved_filters(list, is_public, owner_id);
            CREATE TABLE role_default_filters (
                role TEXT NOT NULL REFERENCES roles(key),
                list TEXT NOT NULL,
                filter_id INTEGER NOT NULL REFERENCES saved_filters(id) ON DELETE CASCADE,
                PRIMARY KEY (role, list)
            ) WITHOUT ROWID;
            """)
    }
}
