import CRMCore
import GRDB

/// A new lead with everything worked out that needs no database: its field errors, duplicate
/// keys, derived names and the values of the columns routing does not touch. Intake screens the leads of a batch on another thread while the
/// previous chunk is being written, so the one writer does only what needs the database.
///
/// Routing may still set the draft's assignee, partner and priority; nothing screened here
/// depends on those (the assignment is checked when the lead is added).
public struct ScreenedLead: Sendable {
    var draft: LeadDraft
    let contentErrors: [FieldError]
    let keys: [(kind: String, key: String)]
    let derived: LeadColumns.Derived
    /// Values of `LeadColumns.content`, in its order.
    let content: [DatabaseValue]

    public init(_ draft: LeadDraft) {
        self.draft = draft
        contentErrors = draft.validateContent()
        keys = LeadDuplicates.keys(of: draft)
        derived = LeadColumns.Derived(draft)
        content = LeadColumns.content(draft).map { $0.1?.databaseValue ?? .null }
    }
}
