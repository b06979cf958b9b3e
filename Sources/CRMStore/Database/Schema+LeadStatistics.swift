import GRDB

extension Schema {
    /// v17: lead counts kept by triggers, so the statistics and conversion pages (LD-3) answer
    /// for any period from a few thousand summary rows instead of reading a million leads.
    ///
    /// `lead_counts_by_day` (bucket: UTC day number, `created_at / 86400000`) serves periods of
    /// days (today, this week, this month); `lead_counts_by_month` (bucket: `yyyymm` of the UTC
    /// creation day) serves "all time". Each lead counts once per dimension: its `source`, its
    /// `campaign` (the id as text, '' for none) and its `owner` ('u' + user id, 'p' + partner id,
    /// '' for the free pool), with its status and whether it has been touched (a sales
    /// activity). The status id, not its kind, is stored, so renaming or re-ordering statuses
    /// needs no recount.
    ///
    /// Two indexes keep the lead views' first frame quick on a million leads: archived leads in
    /// receiving order (the view walked every lead to find them), and calls on leads by time
    /// (the "call on" view read every call ever logged to find the scheduled ones).
    static func addLeadStatistics(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX leads_archived ON leads(created_at, id) WHERE is_archived = 1;
            CREATE INDEX sales_activities_lead_calls ON sales_activities(category_id, at) WHERE lead_id IS NOT NULL;
            """)
        for table in LeadCountTable.allCases {
            try db.execute(sql: """
                CREATE TABLE \(table.rawValue) (
                    dimension TEXT NOT NULL CHECK (dimension IN ('source', 'campaign', 'owner')),
                    bucket INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    status_id INTEGER NOT NULL,
                    touched INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (dimension, bucket, key, status_id, touched)
                ) WITHOUT ROWID
                """)
        }
        try db.execute(sql: leadCountTriggers())
        try refillLeadCounts(db)
    }

    /// The triggers that keep both summaries; each fires only when its row passes `when` (SQL
    /// over `new` for inserts, `old` for updates and deletes; none: always).
    static func leadCountTriggers(when: (String) -> String? = { _ in nil }) -> String {
        let watched = "created_at, source, campaign_id, assignee_id, partner_id, status_id, touched_at"
        func condition(_ row: String) -> String { when(row).map { " WHEN \($0)" } ?? "" }
        return """
            CREATE TRIGGER lead_counts_insert AFTER INSERT ON leads\(condition("new")) BEGIN
                \(LeadCountTable.allCases.map { $0.add("new", by: 1) }.joined(separator: "\n"))
            END;
            CREATE TRIGGER lead_counts_delete AFTER DELETE ON leads\(condition("old")) BEGIN
                \(LeadCountTable.allCases.map { $0.add("old", by: -1) }.joined(separator: "\n"))
            END;
            CREATE TRIGGER lead_counts_update AFTER UPDATE OF \(watched) ON leads\(condition("old")) BEGIN
                \(LeadCountTable.allCases.map { $0.add("new", by: 1) + "\n" + $0.add("old", by: -1) }.joined(separator: "\n"))
            END;
            """
    }

    /// Recounts both summaries from `leads` (after a bulk load, which runs without triggers):
    /// one pass over the leads into a temporary grouping, then each summary from that.
    static func refillLeadCounts(_ db: Database) throws {
        let day = "created_at / 86400000"
        try db.execute(sql: """
            CREATE TEMP TABLE lead_count_groups AS
                SELECT \(day) AS day, source, \(LeadCountTable.campaignKey("leads")) AS campaign,
                       \(LeadCountTable.ownerKey("leads")) AS owner, status_id, touched_at IS NOT NULL AS touched, count(*) AS n
                FROM leads NOT INDEXED GROUP BY \(day), source, campaign_id, assignee_id, partner_id, status_id, touched_at IS NOT NULL
            """)
        for table in LeadCountTable.allCases {
            let bucket = table == .byDay ? "day" : "CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER)"
            try db.execute(sql: "DELETE FROM \(table.rawValue)")
            // The groups name each dimension's key after the dimension.
            for dimension in LeadCountTable.Dimension.allCases {
                try db.execute(sql: """
                    INSERT INTO \(table.rawValue) (dimension, bucket, key, status_id, touched, n)
                    SELECT '\(dimension.rawValue)', \(bucket), \(dimension.rawValue), status_id, touched, sum(n) FROM lead_count_groups
                    GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
                    """)
            }
        }
        try db.execute(sql: "DROP TABLE lead_count_groups")
    }
}

/// The two lead summaries of v17 and the SQL that keeps them.
enum LeadCountTable: String, CaseIterable {
    case byDay = "lead_counts_by_day"
    case byMonth = "lead_counts_by_month"

    /// What each lead is counted by, once per dimension.
    enum Dimension: String, CaseIterable {
        case source, campaign, owner

        /// The dimension's key of the lead row called `row`.
        func key(_ row: String) -> String {
            switch self {
            case .source: "\(row).\(LeadTable.source.name)"
            case .campaign: LeadCountTable.campaignKey(row)
            case .owner: LeadCountTable.ownerKey(row)
            }
        }
    }

    /// The bucket of the lead row called `row` ("new", "old" or a table alias).
    func bucket(_ row: String) -> String {
        switch self {
        case .byDay: "\(row).created_at / 86400000"
        case .byMonth: "CAST(strftime('%Y%m', \(row).created_at / 1000, 'unixepoch') AS INTEGER)"
        }
    }

    static func campaignKey(_ row: String) -> String { "coalesce(\(row).\(LeadTable.campaignID.name), '')" }

    static func ownerKey(_ row: String) -> String {
        let assignee = "\(row).\(LeadTable.assigneeID.name)", partner = "\(row).\(LeadTable.partnerID.name)"
        return "CASE WHEN \(assignee) IS NOT NULL THEN 'u' || \(assignee) "
            + "WHEN \(partner) IS NOT NULL THEN 'p' || \(partner) ELSE '' END"
    }

    /// Trigger statements adding `delta` to the three rows of lead `row`; rows that fall to zero
    /// are removed, so the summary never grows with leads that moved on.
    func add(_ row: String, by delta: Int) -> String {
        let values = Dimension.allCases.map { dimension in
            "('\(dimension.rawValue)', \(bucket(row)), \(dimension.key(row)), \(row).status_id, "
                + "\(row).touched_at IS NOT NULL, \(delta))"
        }
        var statements = ["""
            INSERT INTO \(rawValue) (dimension, bucket, key, status_id, touched, n) VALUES \(values.joined(separator: ", "))
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
            """]
        if delta < 0 {
            statements += Dimension.allCases.map { dimension in
                """
                DELETE FROM \(rawValue) WHERE dimension = '\(dimension.rawValue)' AND bucket = \(bucket(row)) AND key = \(dimension.key(row))
                    AND status_id = \(row).status_id AND touched = (\(row).touched_at IS NOT NULL) AND n = 0;
                """
            }
        }
        return statements.joined(separator: "\n")
    }
}
