import CRMCore

/// A new lead with everything worked out that needs no database: its field errors, duplicate
/// keys and derived names. Intake screens the leads of a batch on another thread while the
/// previous chunk is being written, so the one writer does only what needs the database.
///
/// Routing may still set the draft's assignee, partner and priority; nothing screened here
/// depends on those (the assignment is checked when the lead is added).
public struct ScreenedLead: Sendable {
    var draft: LeadDraft
    let contentErrors: [FieldError]
    let keys: [(kind: String, key: String)]
    let derived: LeadColumns.Derived

    public init(_ draft: LeadDraft) {
        self.draft = draft
        contentErrors = draft.validateContent()
        keys = LeadDuplicates.keys(of: draft)
        derived = LeadColumns.Derived(draft)
    }
}
