import CRMCore
import CRMStore
import TerminalUI

/// The settings tab of lead routing rules (LP-3…LP-5): the rules in the order they are tried,
/// with their conditions, where they send a lead, the priority they set and whether they are
/// on. `n`/`e` open the rule form, `D` deletes after asking, `K`/`J` move a rule up or down and
/// `x` switches it on or off.
final class LeadRulesPage: SettingsPage {
    let title = "Lead rules"
    private var rows: [StoredLeadRule] = []

    var rowCount: Int { rows.count }

    func reload(app: AppController) {
        rows = app.attempt("Could not read the lead rules") { try app.session.leadRules.list() } ?? rows
    }

    private var actions: SettingsRowActions<StoredLeadRule> {
        SettingsRowActions(
            noun: "lead rule", name: \.rule.name, form: { row, app in LeadRuleForm.make(editing: row, app: app) },
            delete: { row, app in try app.session.leadRules.delete(id: row.id, expectedVersion: row.version) },
            reorder: { [unowned self] ids, app in try move(to: ids, app: app) },
            reload: { [unowned self] app in reload(app: app) })
    }

    func commands(selected: Int, select: @escaping (Int) -> Void, app: AppController) -> [Command] {
        let row = rows.indices.contains(selected) ? rows[selected] : nil
        return LeadRoutingGuard.guarding(actions.commands(rows: rows, selected: selected, select: select) + [
            Command.on(row, .recordActiveToggle, [.sidebar], missing: "There is no lead rule here") { [unowned self] row, app in
                if let saved = app.attempt("Could not switch the rule", {
                    try app.session.leadRules.setActive(!row.isActive, id: row.id, expectedVersion: row.version)
                }) {
                    app.show(message: "The rule “\(saved.rule.name)” is \(saved.isActive ? "on" : "off")")
                }
                reload(app: app)
            },
        ], app: app)
    }

    /// Stores a one-step move: `ids` is the shown order with two neighbours swapped, so the first
    /// rule out of place moves to its new position.
    private func move(to ids: [Int64], app: AppController) throws {
        guard let index = ids.indices.first(where: { ids[$0] != rows[$0].id }),
              let row = rows.first(where: { $0.id == ids[index] }) else { return }
        _ = try app.session.leadRules.move(id: row.id, to: index + 1, expectedVersion: row.version)
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, selected: Int, app: AppController) {
        let session = app.session
        let columns: [TableColumn<StoredLeadRule>] = [
            TableColumn("#", minWidth: 2, alignRight: true) { String($0.position) },
            TableColumn("Rule", minWidth: 12, weight: 2) { $0.rule.name },
            TableColumn("When", minWidth: 16, weight: 4) { $0.rule.conditionsText },
            TableColumn("Send to", minWidth: 12, weight: 2) { Self.outcomeText($0.rule.outcome, session: session) },
            TableColumn("Priority", minWidth: 8) { $0.rule.priority?.rawValue ?? "—" },
            TableColumn("On", minWidth: 3) { $0.isActive ? "yes" : "no" },
        ]
        let table = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(2, rect.height - 3))
        TableView.render(rows, columns: columns, selected: selected, sortColumn: nil, ascending: true,
                         into: &buffer, rect: table, theme: app.theme)
        guard rows.indices.contains(selected) else {
            buffer.write("No rules yet: every lead goes to the free pool. Press n to add one.", x: rect.x + 1,
                         y: rect.y + 2, style: app.theme.dim, maxWidth: rect.width - 2)
            return
        }
        // The selected rule in full, since the columns cut long conditions short.
        let rule = rows[selected].rule
        let lines = [("When", rule.conditionsText), ("Send to", Self.outcomeText(rule.outcome, session: session))]
        for (offset, line) in lines.enumerated() {
            let y = rect.maxY - 2 + offset
            buffer.write(line.0, x: rect.x + 1, y: y, style: app.theme.dim)
            buffer.write(line.1, x: rect.x + 10, y: y, style: app.theme.plain, maxWidth: rect.width - 11)
        }
    }

    /// "Alice", "partner Nordlicht", "Alice 50 · Bob 30 · Carol 20", "free pool".
    static func outcomeText(_ outcome: LeadOutcome, session: AppSession) -> String {
        switch outcome {
        case .assignee(let id): session.userName(id)
        case .partner(let id): "partner " + ((try? session.database.names.name(.partners, id: id)) ?? "#\(id)")
        case .distribution(let shares): shares.map { "\(session.userName($0.sellerID)) \($0.weight)" }.joined(separator: " · ")
        case .freePool: "free pool"
        }
    }
}
