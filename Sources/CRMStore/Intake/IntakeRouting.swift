import CRMCore
import GRDB

/// The one step of intake between reading a lead and inserting it, inside the lead's write
/// transaction: routing (LP-3…LP-5) sets the assignee, partner and priority on the draft and
/// records the rule and its explanation in the history. `LeadIntake.insert` calls it; the
/// rules engine plugs in by conforming and being passed to `LeadIntake`.
protocol IntakeRouting: Sendable {
    func route(_ db: Database, _ draft: inout LeadDraft, _ history: inout LeadHistory) throws
}

/// Intake routes by the stored lead rules.
extension LeadRouter: IntakeRouting {
    func route(_ db: Database, _ draft: inout LeadDraft, _ history: inout LeadHistory) throws {
        try route(db, draft: &draft, history: &history)
    }
}
