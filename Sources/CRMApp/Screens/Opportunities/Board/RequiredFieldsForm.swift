import CRMCore
import CRMStore

/// The small form a board move opens when the target status requires fields the card leaves
/// empty (OP-3): exactly those fields, built like the opportunity form's, saved together with the
/// new status in one update. Cancelling saves nothing, so the card stays where it was.
enum RequiredFieldsForm {
    static func make(_ refusal: MissingRequiredFieldsError, app: AppController,
                     onSaved: @escaping (Opportunity) -> Void) -> FormScreen {
        let session = app.session
        let status = refusal.status
        let required = Set(refusal.fields)
        var stored = refusal.opportunity
        func fields(of opportunity: Opportunity) -> [FormField] {
            OpportunityForm.fields(for: opportunity.fields, accountName: opportunity.accountName, session: session,
                                   only: refusal.fields, required: required)
        }
        let title = "“\(stored.name)” › Move to \(status.name) — fill required fields"
        return FormScreen(section: .opportunities, title: title, fields: fields(of: stored)) { values, app in
            var moved = stored.fields
            moved.statusID = status.id
            switch OpportunityForm.apply(values, to: moved, today: session.database.today) {
            case .failure(let invalid):
                return .invalid(FormConflict.byField(invalid.errors))
            case .success(let draft):
                return FormConflict.outcome {
                    do {
                        let saved = try session.opportunities.update(id: stored.id, with: draft, expectedVersion: stored.version)
                        onSaved(saved)
                        return "Moved “\(saved.name)” to \(saved.statusName)"
                    } catch let stale as StaleRecordError<Opportunity> {
                        // Their other changes are kept; a second save puts this status and these fields on top.
                        stored = stale.fresh
                        throw FormConflict(fresh: fields(of: stale.fresh), noun: stale.entity.noun)
                    }
                }
            }
        }
    }
}
