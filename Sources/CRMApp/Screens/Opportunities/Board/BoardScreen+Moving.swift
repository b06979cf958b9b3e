import CRMCore

extension BoardScreen {
    /// Moves the selected card `step` statuses along the board (`StatusMove`); the focus
    /// follows the card to where it is afterwards.
    func move(by step: Int, app: AppController) {
        guard let card = selectedOpportunity else { return }
        let target = focused + step
        guard columns.indices.contains(target) else {
            app.show(message: "“\(card.name)” is already in the \(step > 0 ? "last" : "first") status")
            return
        }
        StatusMove.start(card, to: columns[target].status, app: app) { [weak self] shown in self?.show(shown) }
    }

    /// Selects `card` in its column after the next reload.
    func show(_ card: Opportunity) {
        follow = card
        needsReload = true
    }
}
