import CRMCore
import Foundation
import GRDB

/// Inserts new leads (LD-1) inside a write transaction in two steps: `add` checks each lead and
/// decides everything about it (its id, status, duplicate link, journal rows) without writing,
/// so a refused lead leaves nothing and never disturbs the others; `finish` then writes all of
/// them with a few statements per table, ranks them by name as a group and brings the search
/// index and the lead counts up to date once (`DeferredLeadIndexing`).
///
/// Typed-in leads go through it one at a time; intake passes thousands per transaction, where
/// writing row by row cost most of the time (a statement on `leads`, with its 21 indexes and
/// its triggers, costs three times a row of a multi-row statement).
struct LeadInserter {
    private let db: Database
    private let journal: JournalWriter
    private let creatorID: Int64?
    private let references: LeadReferences
    private let indexing: DeferredLeadIndexing
    private var nextID: Int64
    private var leads: [Planned] = []
    /// The first lead of this group holding each duplicate key, by "kind:key".
    private var keysInGroup: [String: Int64] = [:]
    /// For keys looked up ahead (`lookUpDuplicates`), by "kind:key": the earliest stored lead
    /// holding it, or `nil` when none does.
    private var storedKeys: [String: Int64?] = [:]

    private struct Planned {
        var id: Int64
        var draft: LeadDraft
        /// Values of `columns` but the rank and the duplicate link.
        var values: [DatabaseValue]
        var sortName: String
        var keys: [(kind: String, key: String)]
        var duplicateOf: Int64?
    }

    /// The columns a new lead is inserted with, in the order of `Planned.values` and then the
    /// rank and the duplicate link.
    private static let columns = ([RecordColumns.id] + LeadColumns.content(LeadDraft()).map(\.0)
        + LeadColumns.assignment(LeadDraft(), statusID: 0).map(\.0) + LeadColumns.Derived(LeadDraft()).columns.map(\.0)
        + [RecordColumns.createdByID, RecordColumns.createdAt, RecordColumns.updatedAt, LeadTable.apiKeyID,
           LeadTable.routingRuleID, LeadTable.routingExplanation, RecordColumns.nameRank, LeadTable.duplicateOfID])
        .map(\.name)

    /// Starts a group in the caller's write transaction; `creatorID` is the acting user (`nil`
    /// for intake).
    init(_ db: Database, _ journal: JournalWriter, creatorID: Int64?) throws {
        self.db = db
        self.journal = journal
        self.creatorID = creatorID
        references = LeadReferences(db)
        indexing = try DeferredLeadIndexing(db)
        nextID = indexing.lastIDBefore + 1
    }

    /// Looks up at once the earlier leads sharing a duplicate key with any of `leads`, so that
    /// adding them asks the database nothing more about duplicates.
    mutating func lookUpDuplicates(of leads: [ScreenedLead]) throws {
        let keys = leads.flatMap(\.keys)
        let found = try LeadDuplicates.earliestLeads(db, keys: keys)
        for (kind, key) in keys {
            let name = "\(kind):\(key)"
            storedKeys[name] = .some(found[name])
        }
    }

    /// Checks `lead` and the records it names and plans its insertion; returns the id the lead
    /// will have. Throws `ValidationError` when the lead is refused; nothing is planned then.
    /// `history` carries what intake and routing know (API key, rule and explanation).
    mutating func add(_ lead: ScreenedLead, history: LeadHistory = LeadHistory()) throws -> Int64 {
        let draft = lead.draft
        let statusID = try references.check(draft, contentErrors: lead.contentErrors)
        let id = nextID
        let now = journal.at.millisecondsSince1970
        let values = [id.databaseValue] + lead.content
            + LeadColumns.assignment(draft, statusID: statusID).map { $0.1?.databaseValue ?? .null } + lead.derived.values
            + [creatorID.databaseValue, now.databaseValue, now.databaseValue, history.apiKeyID.databaseValue,
               history.routingRuleID.databaseValue, history.routingExplanation.databaseValue]
        var duplicateOf: Int64?
        let keyNames = lead.keys.map { "\($0.kind):\($0.key)" }
        for ((kind, key), name) in zip(lead.keys, keyNames) {
            // Keys not looked up ahead (a typed-in lead) are asked for now.
            let stored = try storedKeys[name] ?? LeadDuplicates.earliestLead(db, kind: kind, key: key, before: id)
            if let earlier = stored ?? keysInGroup[name] { duplicateOf = min(duplicateOf ?? earlier, earlier) }
        }
        for name in keyNames where keysInGroup[name] == nil { keysInGroup[name] = id }
        leads.append(Planned(id: id, draft: draft, values: values, sortName: lead.derived.sortName,
                             keys: lead.keys, duplicateOf: duplicateOf))
        nextID += 1
        return id
    }

    /// Writes every planned lead with its journal rows and duplicate keys, then indexes and
    /// counts them. Must run before the transaction commits.
    mutating func finish() throws {
        defer { leads.removeAll() }
        guard !leads.isEmpty else { return try indexing.finish() }
        let columns = Self.columns
        func row(_ lead: Planned, rank: Int64) -> [DatabaseValue] {
            lead.values + [rank.databaseValue, lead.duplicateOf.databaseValue]
        }
        let names = NameRank(table: LeadTable.name)
        if let ranks = try names.ranksForNewRows(db, sortNames: leads.map(\.sortName)) {
            try db.insertRows(into: LeadTable.name, columns: columns,
                              values: zip(leads, ranks).flatMap { lead, rank in row(lead, rank: rank) })
        } else {
            // Still crowded after re-spreading: each lead is ranked among the rows inserted
            // before it.
            for lead in leads {
                try db.insertRows(into: LeadTable.name, columns: columns,
                                  values: row(lead, rank: try names.rank(db, sortName: lead.sortName, id: nil)))
            }
        }
        var journalRows: [DatabaseValue] = []
        var keyRows: [DatabaseValue] = []
        for lead in leads {
            journalRows += journal.creationRows(.lead, lead.id, lead.draft)
            if let original = lead.duplicateOf {
                journalRows += journal.changeRow(.lead, lead.id, field: LeadDraft.Event.duplicateOf.rawValue, from: "",
                                               to: String(original))
            }
            for (kind, key) in lead.keys {
                keyRows += [lead.id.databaseValue, kind.databaseValue, key.databaseValue]
            }
        }
        try journal.write(journalRows)
        try db.insertRows(into: LeadKeyTable.name, columns: LeadKeyTable.columns, values: keyRows, orIgnore: true)
        try indexing.finish()
    }
}
