import CRMCore
import CRMStore

extension BoardScreen {
    /// Moves the selected card `step` statuses along the board, version-checked and journaled
    /// by the store. A status with empty required fields opens the form for exactly those; a
    /// card changed meanwhile by someone else is not moved and is shown as it is now.
    func move(by step: Int, app: AppController) {
        guard let card = selectedOpportunity else { return }
        let target = focused + step
        guard columns.indices.contains(target) else {
            app.show(message: "“\(card.name)” is already in the \(step > 0 ? "last" : "first") status")
            return
        }
        let status = columns[target].status
        do {
            let moved = try app.session.opportunities.move(id: card.id, toStatus: status.id, expectedVersion: card.version)
            app.show(message: "Moved “\(moved.name)” to \(moved.statusName)")
            follow = moved
        } catch let refusal as MissingRequiredFieldsError {
            app.push(RequiredFieldsForm.make(refusal, app: app) { [weak self] saved in self?.follow = saved })
        } catch let stale as StaleRecordError<Opportunity> {
            app.show(error: "“\(stale.fresh.name)” was changed by someone else; showing the current state")
            follow = stale.fresh
        } catch {
            app.show(error: "Could not move “\(card.name)”: \(ErrorText.describe(error))")
        }
        needsReload = true
    }
}
