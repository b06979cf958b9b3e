import CRMCore
import Foundation
import GRDB

/// Demo campaigns and leads (issue 4 item 9): leads received over the two years before now in
/// working-day rhythm, today's spread over the hours up to now (so the intraday page has bars),
/// with sales activities on worked leads, calls scheduled on fresh ones, and duplicates linked
/// through `lead_keys` as the store links them.
///
/// Written for the bulk load: prepared statements, no journal rows per lead, `lead_keys` sorted
/// in one statement, duplicate links and the v17 lead counts computed by set-based SQL at the end.
enum DemoLeads {
    /// What leads may be assigned to and qualified into.
    struct Targets {
        let reps: [Int64]
        let partners: [Int64]
        let opportunities: [DemoDataGenerator.OpportunitySummary]
    }

    struct Counts {
        var campaigns = 0
        var leads = 0
        var activities = 0
    }

    /// The days of history before today.
    static let historyDays = 730

    static func insert(
        _ loader: inout DemoLoader, seed: UInt64, scale: DemoDataGenerator.Scale, targets: Targets, now: Date,
        progress: (String, Double) -> Void
    ) throws -> Counts {
        let db = loader.db
        var counts = Counts()
        let today = Calendar.current.startOfDay(for: now)
        var random = SplitMix64(seed: seed ^ 0x4341_4D50)
        let campaigns = try insertCampaigns(db, count: scale.campaigns, today: today, random: &random)
        counts.campaigns = campaigns.count
        var maker = try DemoLeadMaker(
            seed: seed ^ 0x4C45_4144, types: loader.maker.types, statuses: LeadStatusRepository.list(db), campaigns: campaigns,
            reps: targets.reps, partners: targets.partners, activityChance: scale.leadActivityChance)
        let categories = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, id FROM activity_categories")
            .map { ($0["name"] as String, $0["id"] as Int64) })
        try db.execute(sql: "CREATE TEMP TABLE demo_lead_keys (kind TEXT, key TEXT, lead_id INTEGER)")
        let key = try db.makeStatement(sql: "INSERT INTO demo_lead_keys VALUES (?, ?, ?)")
        let activity = try db.makeStatement(sql: """
            INSERT INTO sales_activities (category_id, at, duration_minutes, outcome, description, owner_id, lead_id,
                created_by_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let perDay = dailyCounts(total: scale.leads, today: today, now: now)
        for (day, received) in perDay.enumerated() {
            if day % 30 == 0 { progress("Leads", Double(day) / Double(perDay.count)) }
            let start = today.addingTimeInterval(-Double(historyDays - day) * 86_400)
            for created in moments(count: received, dayStart: start, now: now, random: &random) {
                let made = maker.lead(created: created, day: day, now: now)
                let owner = made.draft.assigneeID ?? maker.people.random.pick(targets.reps)
                let link = made.status.kind == .qualified && !targets.opportunities.isEmpty && maker.people.random.chance(0.7)
                    ? maker.people.random.pick(targets.opportunities) : nil
                var logged: [(category: String, at: Date, saved: Date)] = []
                if let first = made.activity {
                    logged.append((first.category, first.at, min(first.at.addingTimeInterval(900), now)))
                }
                if let call = made.scheduledCall {
                    logged.append(("Call", call, min(created.addingTimeInterval(3_600), now)))
                }
                let columns = LeadColumns.fields(made.draft, statusID: made.status.id) + LeadColumns.derived(made.draft) + [
                    (RecordColumns.createdByID, made.draft.source == "cold call" ? owner : nil),
                    (RecordColumns.createdAt, created.millisecondsSince1970),
                    (RecordColumns.updatedAt, (made.qualifiedAt ?? created).millisecondsSince1970),
                    (LeadTable.touchedAt, logged.map(\.saved).min()?.millisecondsSince1970),
                    (LeadTable.isArchived, made.isArchived),
                    (LeadTable.accountID, link?.accountID), (LeadTable.contactID, link?.contactID),
                    (LeadTable.opportunityID, link?.id),
                    (LeadTable.qualifiedAt, made.qualifiedAt?.millisecondsSince1970),
                    (LeadTable.disqualifyReason, made.disqualifyReason),
                ]
                let leadID = try loader.insert(into: LeadTable.name, columns)
                for (kind, text) in LeadDuplicates.keys(of: made.draft) {
                    try key.execute(arguments: [kind, text, leadID])
                }
                for entry in logged {
                    guard let category = categories[entry.category] else { continue }
                    let text = DemoActivityText.entry(for: entry.category, random: &maker.people.random)
                    let saved = entry.saved.millisecondsSince1970
                    try activity.execute(arguments: [
                        category, entry.at.millisecondsSince1970, text.minutes, entry.at > now ? "" : text.outcome,
                        text.description, owner, leadID, owner, saved, saved,
                    ])
                    counts.activities += 1
                }
                counts.leads += 1
            }
        }
        progress("Linking duplicate leads", 0)
        try db.execute(sql: """
            INSERT OR IGNORE INTO lead_keys (kind, key, lead_id) SELECT kind, key, lead_id FROM demo_lead_keys ORDER BY 1, 2, 3;
            DROP TABLE demo_lead_keys;
            """)
        try linkDuplicates(db)
        progress("Counting leads", 0)
        try Schema.refillLeadCounts(db)
        return counts
    }

    /// Links each lead sharing a key with an earlier one to the earliest such lead, as
    /// `LeadDuplicates.index` does on every save: only keys held by more than one lead matter,
    /// so their first holders are found in one ordered pass over `lead_keys`.
    static func linkDuplicates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE demo_shared_keys AS
                SELECT kind, key, min(lead_id) AS first FROM lead_keys GROUP BY kind, key HAVING count(*) > 1;
            UPDATE leads SET duplicate_of_id = linked.first
            FROM (SELECT k.lead_id, min(s.first) AS first FROM demo_shared_keys s
                  JOIN lead_keys k ON k.kind = s.kind AND k.key = s.key AND k.lead_id > s.first GROUP BY k.lead_id) linked
            WHERE leads.id = linked.lead_id;
            DROP TABLE demo_shared_keys;
            """)
    }

    /// How many leads arrive on each of the `historyDays` days before today and today: weekdays
    /// busier than weekends, and today what a usual weekday brings by `now` (at least 30, so
    /// even the small demo's intraday page has bars).
    static func dailyCounts(total: Int, today: Date, now: Date) -> [Int] {
        let hours = DemoLeadCorpus.hourWeights
        let elapsed = min(24.0, max(0, now.timeIntervalSince(today) / 3_600))
        let whole = Int(elapsed)
        let share = (Double(hours.prefix(whole).reduce(0, +)) + (whole < 24 ? Double(hours[whole]) * (elapsed - Double(whole)) : 0))
            / Double(hours.reduce(0, +))
        // A weekday weighs 5 against a weekend day's 2: 5 / (25 + 4) of a week's leads.
        let usualWeekday = Double(total) * 7 / Double(historyDays) * 5 / 29
        let todayCount = min(total, max(30, Int(usualWeekday * share)))
        let weights = (0..<historyDays).map { day -> Int in
            let start = today.timeIntervalSince1970 - Double(historyDays - day) * 86_400
            // 1970-01-01 was a Thursday: day number + 3 modulo 7 counts from Monday.
            return Int((start / 86_400).rounded(.down) + 3) % 7 >= 5 ? 2 : 5
        }
        let totalWeight = weights.reduce(0, +)
        var counts: [Int] = []
        var sum = 0, assigned = 0
        for weight in weights {
            sum += weight
            let target = (total - todayCount) * sum / totalWeight
            counts.append(target - assigned)
            assigned = target
        }
        return counts + [todayCount]
    }

    /// `count` receiving times on the day starting at `dayStart`, ascending, following the hourly
    /// curve; today's fall before `now`.
    static func moments(count: Int, dayStart: Date, now: Date, random: inout SplitMix64) -> [Date] {
        let elapsedHours = Int(now.timeIntervalSince(dayStart) / 3_600)
        let hours = min(24, max(1, elapsedHours + 1))
        let weights = DemoLeadCorpus.hourWeights.prefix(hours)
        let totalWeight = UInt64(weights.reduce(0, +))
        return (0..<count).map { _ in
            var roll = Int(random.next() % totalWeight), hour = 0
            while roll >= weights[hour] {
                roll -= weights[hour]
                hour += 1
            }
            let hourStart = dayStart.addingTimeInterval(Double(hour * 3_600))
            let seconds = UInt64(max(1, min(3_600, now.timeIntervalSince(hourStart))))
            return hourStart.addingTimeInterval(Double(random.next() % seconds))
        }.sorted()
    }

    /// A few dozen campaigns of the online sources and trade fairs, spread over the history, each
    /// running one to eight months, those still running "Active", with costs on most.
    static func insertCampaigns(_ db: Database, count: Int, today: Date, random: inout SplitMix64) throws
        -> [DemoLeadMaker.Campaign] {
        let statuses = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, id FROM campaign_statuses")
            .map { ($0["name"] as String, $0["id"] as Int64) })
        let sources = DemoLeadCorpus.campaignPatterns.keys.sorted()
        let insert = try db.makeStatement(sql: """
            INSERT INTO campaigns (name, status_id, cost_minor, currency, starts_on, ends_on, created_at, updated_at, sort_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var campaigns: [DemoLeadMaker.Campaign] = []
        for number in 0..<count {
            let source = sources[number % sources.count]
            let first = number * historyDays / max(1, count) + Int(random.next() % 60)
            let days = first...(first + 30 + Int(random.next() % 210))
            let starts = today.addingTimeInterval(-Double(historyDays - days.lowerBound) * 86_400)
            let ends = today.addingTimeInterval(-Double(historyDays - days.upperBound) * 86_400)
            let startDay = CalendarDate.day(of: starts)
            let name = random.pick(DemoLeadCorpus.campaignPatterns[source] ?? ["{topic}"])
                .replacingOccurrences(of: "{topic}", with: random.pick(DemoPipelineCorpus.products))
                .replacingOccurrences(of: "{place}", with: random.pick(DemoLeadCorpus.campaignPlaces)) + " \(startDay.year)"
            let cost: Int64? = random.chance(0.75) ? Int64(1_000 + random.next() % 40_000) * 100 : nil
            let status = days.upperBound >= historyDays ? statuses["Active"] : statuses["Archived"]
            let created = starts.addingTimeInterval(-7 * 86_400).millisecondsSince1970
            try insert.execute(arguments: [
                name, status, cost, cost == nil ? nil : "EUR", startDay.description, CalendarDate.day(of: ends).description,
                created, created, SearchText.fold(name),
            ])
            campaigns.append(.init(id: db.lastInsertedRowID, source: source,
                                   slug: SearchText.words(SearchText.fold(name)).joined(separator: "-"), days: days))
        }
        return campaigns
    }
}
