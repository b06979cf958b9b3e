import GRDB

extension Schema {
    /// v9: tasks (tickets) with their related accounts and opportunities (PR-2).
    ///
    /// Visibility is joined, not copied: a task is hidden from everyone but the owner when one
    /// of its related accounts is private (or one of its opportunities belongs to a private
    /// account), like that account's contacts. A task may relate to several accounts, which one
    /// copied owner column could not express, and the join needs no upkeep when an account's
    /// privacy changes (`Visibility.tasks`).
    ///
    /// `primary_account_id` is kept by `TaskRepository` through `TaskAccountRelations` in the
    /// same transaction as the links; `primary_account_name` and `sort_account` copy it for
    /// lists and the grouped sort. Two triggers keep the copies right when the account changes
    /// outside the task: a rename rewrites them, and deleting a related account (its links go
    /// by cascade) promotes the earliest related account left, as the rule says.
    /// Sort keys are never NULL: `sort_due` is "~" without a due date, `sort_account` U+10FFFF
    /// without a primary account (both sort last). `name_rank` orders `(sort_name, id)` and is
    /// the FTS rowid, as for opportunities.
    static func createTasks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE tasks (
                id INTEGER PRIMARY KEY,
                subject TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('new', 'in-progress', 'waiting', 'done', 'rejected')),
                assignee_id INTEGER REFERENCES users(id),
                due_date TEXT,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                description TEXT NOT NULL DEFAULT '',
                primary_account_id INTEGER REFERENCES accounts(id),
                primary_account_name TEXT,
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                sort_name TEXT NOT NULL,
                sort_due TEXT NOT NULL,
                sort_account TEXT NOT NULL,
                search_text TEXT NOT NULL,
                name_rank INTEGER
            );
            CREATE INDEX tasks_by_name ON tasks(sort_name, id);
            CREATE UNIQUE INDEX tasks_visible_by_name_rank ON tasks(name_rank);
            CREATE INDEX tasks_by_due ON tasks(sort_due, id);
            CREATE INDEX tasks_by_account_name ON tasks(sort_account, sort_due, id);
            CREATE INDEX tasks_by_updated ON tasks(updated_at, id);
            CREATE INDEX tasks_by_assignee ON tasks(assignee_id, sort_due, id);
            CREATE INDEX tasks_by_project ON tasks(project_id, sort_due, id);
            CREATE INDEX tasks_by_primary_account ON tasks(primary_account_id) WHERE primary_account_id IS NOT NULL;
            CREATE TABLE task_accounts (
                task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                PRIMARY KEY (task_id, account_id),
                UNIQUE (task_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX task_accounts_by_account ON task_accounts(account_id);
            CREATE TABLE task_opportunities (
                task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
                PRIMARY KEY (task_id, opportunity_id)
            ) WITHOUT ROWID;
            CREATE INDEX task_opportunities_by_opportunity ON task_opportunities(opportunity_id);
            CREATE TRIGGER tasks_follow_primary_account AFTER UPDATE OF display_name, sort_name ON accounts BEGIN
                UPDATE tasks SET primary_account_name = new.display_name,
                    sort_account = new.sort_name || char(1) || printf('%019d', new.id)
                WHERE primary_account_id = new.id;
            END;
            CREATE TRIGGER task_accounts_promote_primary AFTER DELETE ON task_accounts
            WHEN (SELECT primary_account_id FROM tasks WHERE id = old.task_id) = old.account_id BEGIN
                UPDATE tasks SET
                    primary_account_id = next.id, primary_account_name = next.display_name,
                    sort_account = coalesce(next.sort_name || char(1) || printf('%019d', next.id), char(1114111))
                FROM (SELECT NULL AS x) LEFT JOIN (
                    SELECT a.id, a.display_name, a.sort_name FROM task_accounts ta JOIN accounts a ON a.id = ta.account_id
                    WHERE ta.task_id = old.task_id ORDER BY ta.position LIMIT 1) next
                WHERE tasks.id = old.task_id;
            END;
            """)
        try createSearchIndex(db, table: "tasks", rowid: "name_rank")
    }
}
