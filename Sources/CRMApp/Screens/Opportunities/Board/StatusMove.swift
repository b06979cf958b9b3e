import CRMCore
import CRMStore

/// Moving an opportunity to another status (OP-3), the one flow behind the board's `<` `>` and
/// every "Move to status…" menu. Between open statuses a move is one key; a status with empty
/// required fields asks for exactly those; a won or lost status always asks first, with the day
/// the deal closed and, for lost, why (`RequiredFieldsForm`). Someone else's change made
/// meanwhile is kept when the move does not touch it; a card they moved is not moved again but
/// shown where they put it, with who did it.
enum StatusMove {
    /// Moves `card` to `status`; `show` gets the opportunity to show afterwards (moved, or as
    /// someone else left it).
    static func start(_ card: Opportunity, to status: OpportunityStatus, app: AppController,
                      show: @escaping (Opportunity) -> Void) {
        guard status.id != card.statusID else {
            app.show(message: "“\(card.name)” is in \(status.name) already")
            return
        }
        let moved = card.fields(movedTo: status.id)
        if status.kind != .open {
            app.push(RequiredFieldsForm.make(moving: card, to: status, asking: moved.missingFields(for: status), app: app,
                                             onMoved: show))
            return
        }
        do {
            let saved = try app.session.opportunities.move(card, to: moved)
            app.show(message: "Moved “\(saved.name)” to \(saved.statusName)")
            show(saved)
        } catch let refusal as MissingRequiredFieldsError {
            app.push(RequiredFieldsForm.make(moving: refusal.opportunity, to: refusal.status, asking: refusal.fields,
                                             app: app, onMoved: show))
        } catch let conflict as MoveConflictError {
            app.show(error: conflict.description)
            show(conflict.fresh)
        } catch {
            app.show(error: "Could not move “\(card.name)”: \(ErrorText.describe(error))")
        }
    }

    /// "Move to status…": a menu of the statuses in board order, the card's own marked, and
    /// then the same flow as a board move.
    static func pick(for card: Opportunity, app: AppController, show: @escaping (Opportunity) -> Void) {
        let statuses = app.session.statusList
        let items = statuses.map { status in
            MenuItem(title: "\(status.name) (\(status.kind.title))" + (status.id == card.statusID ? " ← now" : "")) { app in
                start(card, to: status, app: app, show: show)
            }
        }
        app.present(MenuPopup(title: "Move “\(card.name)” to", items: items,
                              selected: statuses.firstIndex { $0.id == card.statusID } ?? 0))
    }
}
