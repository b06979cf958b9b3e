import CRMCore
import CRMStore
import TerminalUI

/// Merges two duplicate leads (LP-7): the later lead on the left, the earlier (kept) on the
/// right, one row per field whose values differ, the rows the leads matched on marked ≈.
/// `h`/`l` take a row's value from a side, `Enter` merges after a confirmation that says what
/// moves, `Esc` leaves without change. Fields both leads agree on are listed on one dim line.
final class LeadMergeScreen: Screen {
    let section = Section.leads
    private let keepID: Int64
    private let removeID: Int64
    private var preview: LeadMergePreview?
    private var choices: LeadMergeChoices?
    private var fields = RowCursor()
    private var cursor: Int { fields.selected }

    /// Merges the later of the two leads into the earlier one, which keeps its id.
    init(lead: Int64, other: Int64, app: AppController) {
        keepID = min(lead, other)
        removeID = max(lead, other)
        reload(app: app)
    }

    /// Opens the merge for `lead`: with its original when it is flagged as a duplicate,
    /// otherwise after the user picks the other lead.
    static func open(for lead: Lead, app: AppController) {
        if let original = lead.duplicateOfID {
            app.push(LeadMergeScreen(lead: lead.id, other: original, app: app))
            return
        }
        app.present(MenuPopup(title: "Merge “\(lead.displayName)” with", emptyText: "Type to search leads") { text in
            let found = (try? app.session.leads.page(LeadQuery(view: .open, filter: text, sort: .name, ascending: true),
                                                     .first, limit: 30)) ?? []
            return found.filter { $0.id != lead.id }.map { other in
                MenuItem(title: other.displayName + (other.company.isEmpty ? "" : " — " + other.company)) { app in
                    app.push(LeadMergeScreen(lead: lead.id, other: other.id, app: app))
                }
            }
        })
    }

    var breadcrumb: String {
        "Leads › Merge " + (preview.map { "\(Self.named($0.removed)) into \(Self.named($0.kept))" } ?? "duplicate")
    }

    var contexts: [KeyContext] { [.merge] }

    private var rows: [LeadMergeChoices.Row] { choices?.differingRows ?? [] }

    func statusHints(app: AppController) -> [String]? {
        func key(_ id: CommandID) -> String { app.bindings.keyLabel(for: id, in: contexts) ?? "?" }
        return ["\(key(.mergeTakeLeft))/\(key(.mergeTakeRight)) choose", "\(key(.cursorDown))/\(key(.cursorUp)) field",
                "\(key(.mergeConfirm)) merge", "\(key(.screenBack)) leave"]
    }

    /// Re-reads both leads; choices made so far stay where the fields still differ.
    func reload(app: AppController) {
        guard let fresh = app.attempt("Could not read the leads", {
            try app.session.leads.mergePreview(keep: keepID, remove: removeID)
        }) else { return }
        let next = choices?.rebased(kept: fresh.kept.fields, removed: fresh.removed.fields)
            ?? LeadMergeChoices(kept: fresh.kept.fields, removed: fresh.removed.fields)
        preview = fresh
        choices = next
        fields.resize(count: next.differingRows.count)
    }

    /// A lead as the merge names it: duplicates mostly share their name, so with its id.
    private static func named(_ lead: Lead) -> String { "“\(lead.displayName)” #\(lead.id)" }

    func commands(app: AppController) -> [Command] {
        [
            Command(.mergeTakeLeft, [.sidebar]) { [unowned self] _ in choose(.removed) },
            Command(.mergeTakeRight, [.sidebar]) { [unowned self] _ in choose(.kept) },
            Command(.mergeConfirm, [.sidebar]) { [unowned self] app in confirm(app: app) },
            Command(.screenBack, [.sidebar]) { $0.pop() },
        ] + Command.rowMoves(only: [.cursorDown, .cursorUp]) { [unowned self] move in move(&fields) }
    }

    private func choose(_ side: LeadMergeChoices.Side) {
        guard rows.indices.contains(cursor) else { return }
        let row = rows[cursor]
        choices?.choose(side, for: row)
    }

    private func confirm(app: AppController) {
        guard let preview, let choices else { return }
        let kept = preview.kept
        let removed = preview.removed
        let moves = preview.moves.isEmpty
            ? "Nothing else is linked to it"
            : "\(preview.moves) will move to “\(kept.displayName)”"
        app.confirm("Merge \(Self.named(removed)) into \(Self.named(kept))?",
                    detail: "\(moves); \(Self.named(removed)) is then deleted.") { [self] app in
            let merged = app.attempt("Could not merge") {
                try app.session.leads.merge(keep: kept.id, remove: removed.id, choices: choices,
                                            expectedVersions: (kept.version, removed.version))
            }
            guard let merged else { return reload(app: app) }
            app.pop()
            app.show(message: "Merged into “\(merged.lead.displayName)”")
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        guard let preview, let choices, rect.height > 4 else { return }
        let x = rect.x + 1
        let width = rect.width - 2
        buffer.write((preview.match?.description.capitalizedFirst ?? "The two leads share no e-mail, phone or name and company")
                     + (preview.moves.isEmpty ? " · nothing linked to move" : " · moves to #\(preview.kept.id): \(preview.moves)"),
                     x: x, y: rect.y, style: theme.accent, maxWidth: width)
        let labelWidth = 15
        let valueWidth = max(4, (width - labelWidth - 1) / 2)
        let rightX = x + labelWidth + valueWidth + 1
        let headerY = rect.y + 2
        buffer.write(rows.isEmpty ? "Field" : "Field \(cursor + 1)/\(rows.count)", x: x, y: headerY, style: theme.header,
                     maxWidth: labelWidth)
        buffer.write("This lead #\(preview.removed.id)", x: x + labelWidth, y: headerY, style: theme.header, maxWidth: valueWidth)
        buffer.write("Original #\(preview.kept.id) (kept)", x: rightX, y: headerY, style: theme.header, maxWidth: valueWidth)
        let same = LeadMergeChoices.Row.allCases.filter { !choices.differs($0) }.map(\.label)
        let visible = max(1, rect.height - 5)
        fields.resize(count: rows.count, height: visible)
        if rows.isEmpty {
            buffer.write("Both leads hold the same values; merging only moves what is linked.",
                         x: x, y: headerY + 1, style: theme.dim, maxWidth: width)
        }
        for (offset, row) in rows.enumerated().dropFirst(fields.top).prefix(visible) {
            let y = headerY + 1 + offset - fields.top
            let isCursor = offset == cursor
            let matched = row.identityKey.map { preview.match?.keys.contains($0) == true } ?? false
            buffer.write((matched ? "≈ " : "  ") + row.label, x: x, y: y,
                         style: isCursor ? theme.selected : theme.header, maxWidth: labelWidth - 1)
            let side = choices.side(of: row)
            for (column, valueSide) in [(x + labelWidth, LeadMergeChoices.Side.removed), (rightX, .kept)] {
                let chosen = side == valueSide
                let text = preview.text(of: row, valueSide).replacingOccurrences(of: "\n", with: " ")
                buffer.writeField((chosen ? "● " : "○ ") + (text.isEmpty ? "—" : text), x: column, y: y,
                                  width: valueWidth, style: chosen ? (isCursor ? theme.selected : theme.plain) : theme.dim)
            }
        }
        let footY = headerY + 2 + min(max(rows.count, 1), visible)
        guard !same.isEmpty else { return }
        for (offset, line) in TextWrap.lines("Same in both: " + same.joined(separator: ", "), width: width).enumerated()
        where footY + offset < rect.maxY {
            buffer.write(line, x: x, y: footY + offset, style: theme.dim, maxWidth: width)
        }
    }
}

private extension String {
    /// "Matched on e-mail" from "matched on e-mail".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
