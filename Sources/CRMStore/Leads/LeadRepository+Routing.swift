import CRMCore
import GRDB

/// Routing for leads typed in (LP-3): a salesperson who enters a lead from a phone call and
/// leaves the assignment to the rules gets the same decision intake would make, and "Route by
/// rules" re-routes an existing lead after the rules changed.
extension LeadRepository {
    /// Saves a new lead; with `routed`, the active rules decide its assignment and priority
    /// first, and the lead shows which rule fired and why.
    public func create(_ draft: LeadDraft, routed: Bool) throws -> Lead {
        guard routed else { return try create(draft) }
        return try database.write(as: actor) { db, journal in
            var draft = draft
            var history = LeadHistory()
            try database.leadRouter.route(db, draft: &draft, history: &history)
            return try fetch(db, id: try insert(db, journal, draft, history: history))
        }
    }

    /// Routes the lead again by the active rules if it is still at `expectedVersion`: its
    /// assignee, partner, priority and routing explanation change, nothing else.
    public func route(id: Int64, expectedVersion: Int) throws -> Lead {
        try database.write(as: actor) { db, journal in
            let current = try fetch(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .lead, fresh: current) }
            var draft = current.fields
            var history = current.history
            try database.leadRouter.route(db, draft: &draft, history: &history)
            try db.updateRow(LeadTable.name, id: id, [
                (LeadTable.assigneeID, draft.assigneeID), (LeadTable.partnerID, draft.partnerID),
                (LeadTable.priority, draft.priority.rawValue), (LeadTable.routingRuleID, history.routingRuleID),
                (LeadTable.routingExplanation, history.routingExplanation),
                (RecordColumns.updatedAt, journal.at.millisecondsSince1970),
            ])
            try journal.updated(.lead, id, from: current.fields, to: draft)
            try journal.changed(.lead, id, field: LeadDraft.Event.routing.rawValue, from: current.history.routingExplanation,
                                to: history.routingExplanation)
            return try fetch(db, id: id)
        }
    }
}
