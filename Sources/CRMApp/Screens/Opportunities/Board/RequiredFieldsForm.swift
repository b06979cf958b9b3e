import CRMCore
import CRMStore

/// The small form a move opens (OP-3): into a won or lost status it asks "Move “Name” to Won?"
/// with the day the deal closed (today unless changed) and, for lost, why it was lost; into any
/// status whose required fields the card leaves empty, exactly those fields. Built like the
/// opportunity form's fields and saved with the new status in one move. Cancelling saves
/// nothing, so the card stays where it was.
enum RequiredFieldsForm {
    static func make(moving card: Opportunity, to status: OpportunityStatus, asking missing: [OpportunityDraft.Field],
                     app: AppController, onMoved: @escaping (Opportunity) -> Void) -> FormScreen {
        let session = app.session
        let asked = OpportunityDraft.closingFields(of: status.kind) + missing
        var stored = card
        /// The card in the new status; a deal closes again on the day of the move.
        func moved(_ card: Opportunity) -> OpportunityDraft {
            var draft = card.fields(movedTo: status.id)
            draft.closedOn = nil
            return draft.closed(in: status.kind, after: card.fields, today: session.database.today)
        }
        func fields(of card: Opportunity) -> [FormField] {
            OpportunityForm.fields(for: moved(card), accountName: card.accountName, session: session, only: asked,
                                   required: Set(asked))
        }
        let title = status.kind == .open
            ? "“\(card.name)” › Move to \(status.name) — fill required fields"
            : "Move “\(card.name)” to \(status.name)?"
        return FormScreen(section: .opportunities, title: title, fields: fields(of: stored)) { values, app in
            switch OpportunityForm.apply(values, to: moved(stored), today: session.database.today) {
            case .failure(let invalid):
                return .invalid(FormConflict.byField(invalid.errors))
            case .success(let draft):
                return FormConflict.outcome {
                    do {
                        let saved = try session.opportunities.move(stored, to: draft)
                        onMoved(saved)
                        return "Moved “\(saved.name)” to \(saved.statusName)"
                    } catch let conflict as MoveConflictError {
                        // The next save moves their version, with what this form holds.
                        stored = conflict.fresh
                        throw FormConflict(fresh: fields(of: conflict.fresh), noun: "opportunity",
                                           decision: conflict.description + ". Save again to move it anyway.")
                    }
                }
            }
        }
    }
}
