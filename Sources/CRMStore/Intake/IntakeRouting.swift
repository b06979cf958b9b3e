import CRMCore
import GRDB

/// The one step of intake between reading a lead and inserting it, inside the lead's write
/// transaction: routing (LP-3…LP-5) sets the assignee, partner and priority on the draft and
/// records the rule and its explanation in the history. `LeadIntake` starts one pass per
/// transaction; the rules engine plugs in by conforming and being passed to `LeadIntake`.
protocol IntakeRouting: Sendable {
    func start(_ db: Database) throws -> any IntakeRoutingPass
}

/// Routing for the leads of one transaction. It is a value: a copy taken before a lead and put
/// back after that lead was refused forgets what routing did for it (a distribution's turn).
protocol IntakeRoutingPass {
    mutating func route(_ draft: inout LeadDraft, _ history: inout LeadHistory) throws
    /// Stores what the pass changed (a distribution's state); runs before the transaction commits.
    func finish() throws
}

/// Intake routes by the stored lead rules.
extension LeadRouter: IntakeRouting {
    func start(_ db: Database) throws -> any IntakeRoutingPass {
        try Pass(db, on: clock())
    }
}

extension LeadRouter.Pass: IntakeRoutingPass {}
