import CRMCore
import Foundation
import GRDB

/// Deterministic demo projects and tasks (PR-1, PR-2) for `DemoDataGenerator` to call.
///
/// A "CRM" project with CRM enabled holds one subproject per sales region; tasks are spread
/// over them with zero to two related accounts (the first is primary), sometimes an
/// opportunity. Rows are inserted directly with the same derived columns as `TaskRepository`
/// writes, name ranks included, so the search index stays right whether the FTS triggers are
/// on or the load runs inside `BulkLoad` (list `tasks` in its `searchTables` whenever it is in
/// `tables`).
enum DemoProjects {
    /// The region subprojects of the "CRM" project: name and identifier.
    static let regions: [(name: String, identifier: String)] = [
        ("CRM — Central Europe", "crm-central-europe"), ("CRM — DACH", "crm-dach"), ("CRM — Benelux", "crm-benelux"),
        ("CRM — Nordics", "crm-nordics"), ("CRM — Iberia", "crm-iberia"),
    ]

    private static let subjects = [
        "Call about the renewal", "Send the quote", "Prepare the product demo", "Follow up on the offer",
        "Schedule the kick-off meeting", "Check the contract terms", "Update the contact details",
        "Collect requirements", "Plan the quarterly review", "Answer the support question", "Invite to the webinar",
        "Clarify the invoice", "Arrange a site visit", "Send the reference list",
    ]

    /// Inserts the "CRM" project and its regions; returns the region project ids in `regions`
    /// order. The database must hold no projects yet.
    static func insertProjects(_ db: Database, at moment: Date) throws -> [Int64] {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM projects") == 0 else {
            throw RuleViolationError("Demo projects go into a database without projects.")
        }
        var crm = ProjectDraft(name: "CRM", identifier: "crm")
        crm.crmEnabled = true
        crm.description = "Sales across all regions; each region is a subproject."
        let crmID = try insert(crm, at: moment, db)
        return try regions.map { region in
            var draft = ProjectDraft(name: region.name, identifier: region.identifier, parentID: crmID)
            draft.crmEnabled = true
            return try insert(draft, at: moment, db)
        }
    }

    /// Inserts `count` tasks over `projects`, related to some of `accounts` and
    /// `opportunities`, assigned to and created by `users`, due within two months either side
    /// of `reference`. Returns the number of tasks inserted. The database must hold no tasks yet.
    @discardableResult
    static func insertTasks(
        _ db: Database, random: inout SplitMix64, accounts: [DemoRecordMaker.AccountSummary], opportunities: [Int64],
        users: [Int64], projects: [Int64], count: Int, reference: Date
    ) throws -> Int {
        guard !users.isEmpty, !projects.isEmpty else { return 0 }
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") == 0 else {
            throw RuleViolationError("Demo tasks go into a database without tasks.")
        }
        var tasks: [(draft: TaskDraft, accounts: [DemoRecordMaker.AccountSummary], opportunity: Int64?, creator: Int64, at: Date)] = []
        for _ in 0..<count {
            let roll = random.next() % 10
            let related = accounts.isEmpty || roll == 0 ? [] : roll < 8 ? [random.pick(accounts)]
                : Array(Set([random.pick(accounts).id, random.pick(accounts).id])).sorted().compactMap { id in accounts.first { $0.id == id } }
            var draft = TaskDraft(subject: random.pick(subjects), projectID: random.pick(projects))
            if let first = related.first { draft.subject += " — " + first.displayName }
            draft.status = random.pick([.new, .new, .inProgress, .inProgress, .waiting, .done, .rejected])
            draft.assigneeID = random.chance(0.9) ? random.pick(users) : nil
            let dueOffset = Int(random.next() % 121) - 60
            draft.dueDate = random.chance(0.85) ? CalendarDate(reference).adding(days: dueOffset) : nil
            let opportunity = !opportunities.isEmpty && random.chance(0.3) ? random.pick(opportunities) : nil
            let created = reference.addingTimeInterval(-Double(random.next() % (180 * 86_400)))
            tasks.append((draft, related, opportunity, random.pick(users), created))
        }
        // Rows go in in generation order, so ids follow it and ranks can be handed out now.
        let order = tasks.indices.sorted { (TaskColumns.sortName(tasks[$0].draft), $0) < (TaskColumns.sortName(tasks[$1].draft), $1) }
        var ranks = [Int64](repeating: 0, count: tasks.count)
        for (position, index) in order.enumerated() { ranks[index] = Int64(position + 1) * NameRank.defaultGap }
        for (index, task) in tasks.enumerated() {
            let primary = task.accounts.first
            let columns = TaskColumns.fields(task.draft)
                + TaskColumns.primary(primary.map { ($0.id, $0.displayName, SearchText.fold($0.displayName)) }) + [
                    (RecordColumns.createdByID, task.creator), (RecordColumns.createdAt, task.at.millisecondsSince1970),
                    (RecordColumns.updatedAt, task.at.millisecondsSince1970), (RecordColumns.nameRank, ranks[index]),
                ]
            let taskID = try db.insertRow(into: TaskTable.name, columns)
            for (position, account) in task.accounts.enumerated() {
                try db.execute(sql: "INSERT INTO task_accounts (task_id, account_id, position) VALUES (?, ?, ?)",
                               arguments: [taskID, account.id, position + 1])
            }
            if let opportunity = task.opportunity {
                try db.execute(sql: "INSERT INTO task_opportunities (task_id, opportunity_id) VALUES (?, ?)",
                               arguments: [taskID, opportunity])
            }
            try journalCreate(.task, taskID, by: task.creator, at: task.at, db)
        }
        return tasks.count
    }

    private static func insert(_ draft: ProjectDraft, at moment: Date, _ db: Database) throws -> Int64 {
        let id = try db.insertRow(into: ProjectTable.name, ProjectRepository.columns(draft)
            + [(RecordColumns.createdAt, moment.millisecondsSince1970), (RecordColumns.updatedAt, moment.millisecondsSince1970)])
        try journalCreate(.project, id, by: nil, at: moment, db)
        return id
    }

    private static func journalCreate(_ entity: EntityKind, _ id: Int64, by user: Int64?, at moment: Date, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO journal (at, user_id, entity, entity_id, action) VALUES (?, ?, ?, ?, 'create')",
                       arguments: [moment.millisecondsSince1970, user, entity.rawValue, id])
    }
}

extension CalendarDate {
    /// The UTC calendar day of `date`.
    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
