import CRMCore
import CRMStore
import TerminalUI

/// A record the lead overview links to; Enter on its line opens it.
enum LeadLink: Equatable {
    case account(Int64), contact(Int64), opportunity(Int64), lead(Int64)
}

/// The "Overview" tab of a lead (LD-1, LD-5…LD-9, LP-3, LP-6): where it stands, what it became
/// or was added to, why it was routed where it is, how the splitter shared it, then every field.
/// The names of linked records are read once per reload, not per frame. A cursor walks the
/// rows so linked ones (marked ›) can be opened (a page at a time with PgDn, PgUp); long values
/// wrap to the pane's width.
struct LeadOverview {
    private var rows: [Row] = []
    /// The selected row; the view scrolls by wrapped lines (`scroll`), not by rows.
    private var selection = RowCursor()
    private var cursor: Int { selection.selected }
    private var scroll = DetailScroll()

    var selectedLink: LeadLink? { rows.indices.contains(cursor) ? rows[cursor].link : nil }

    /// Moves the cursor as a scrolling command says; false for other commands.
    mutating func move(_ command: CommandID) -> Bool {
        guard let step = scroll.step(command) else { return false }
        selection.down(step)
        return true
    }

    mutating func update(_ lead: Lead, shares: [LeadShareLine], session: AppSession) {
        rows = Self.rows(lead, shares: shares, session: session)
        // Every row counts as in view: `scroll` keeps the selected row's lines on screen.
        selection.resize(count: rows.count, height: rows.count)
    }

    mutating func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let labelWidth = min(22, (rows.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2)
        guard rect.height > 1, rect.width > labelWidth else { return }
        var lines: [(row: Int, label: String, text: String)] = []
        for (index, row) in rows.enumerated() {
            let text = row.link == nil ? row.value : row.value + " ›"
            // A one-line value is made safe before wrapping, so a line break in it reads `^J`
            // and does not start a row of its own.
            let shown = Self.multiline.contains(row.label) ? text : SafeText.sanitize(text)
            for (part, line) in TextWrap.lines(shown, width: rect.width - labelWidth).enumerated() {
                lines.append((index, part == 0 ? row.label : "", line))
            }
        }
        let first = lines.firstIndex { $0.row == cursor } ?? 0, last = lines.lastIndex { $0.row == cursor } ?? 0
        scroll.reveal(first...last, total: lines.count, height: rect.height)
        let shown = scroll.layout(lines.count, height: rect.height)
        for (offset, line) in lines[shown].enumerated() {
            let y = rect.y + 1 + offset
            let isCursor = line.row == cursor
            if isCursor { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: theme.selected) }
            buffer.write(line.label, x: rect.x, y: y, style: isCursor ? theme.selected : theme.header, maxWidth: labelWidth - 1)
            buffer.write(line.text, x: rect.x + labelWidth, y: y, style: isCursor ? theme.selected : theme.plain,
                         maxWidth: rect.width - labelWidth)
        }
        DetailScroll.markers(shown, total: lines.count, in: rect, into: &buffer, theme: theme)
    }

    private typealias Row = (label: String, value: String, link: LeadLink?)

    /// The rows whose values keep their line breaks: the texts typed in a multi-line box.
    private static let multiline: Set<String> = ["Disqualified for", "Description"]

    private static func rows(_ lead: Lead, shares: [LeadShareLine], session: AppSession) -> [Row] {
        let names = session.database.names
        let history = lead.history
        var rows: [Row] = [
            ("Name", lead.displayName, nil),
            ("Status", "\(lead.statusName) (\(lead.statusKind.rawValue))" + (lead.isArchived ? " · archived" : ""), nil),
        ]
        if !history.disqualifyReason.isEmpty { rows.append(("Disqualified for", history.disqualifyReason, nil)) }
        // A record the reader cannot see (private, or deleted) is named without its id or a link.
        func linked(_ label: String, _ name: String?, _ link: LeadLink, suffix: String = "") {
            rows.append((label, (name ?? JournalNames.unseenRecord) + suffix, name == nil ? nil : link))
        }
        if let id = history.opportunityID {
            linked("Became opportunity", try? session.opportunities.get(id: id).name, .opportunity(id),
                   suffix: history.qualifiedAt.map { " (qualified \(DateText.format($0)))" } ?? "")
        }
        if let id = history.accountID { linked("Account", try? session.accounts.get(id: id).displayName, .account(id)) }
        if let id = history.contactID { linked("Contact", try? session.contacts.get(id: id).displayName, .contact(id)) }
        if let id = lead.duplicateOfID { linked("Duplicate of", try? session.leads.get(id: id).displayName, .lead(id)) }
        rows += [
            ("Assignee", lead.partnerID.map { "Partner: " + ((try? names.name(.partners, id: $0)) ?? nil ?? "#\($0)") }
                ?? (lead.assigneeID == nil ? "Free pool" : session.userName(lead.assigneeID)), nil),
            ("Routed", history.routingExplanation.isEmpty
                ? (lead.createdByID == nil ? "no rule matched" : "typed in by \(session.userName(lead.createdByID))")
                : history.routingExplanation, nil),
        ]
        if !shares.isEmpty {
            let filter = shares.first.map(\.filterName).flatMap { $0.isEmpty ? nil : " (splitter “\($0)”)" } ?? ""
            rows.append(("Shares", shares.map { "\($0.userName) \($0.percent)%" }.joined(separator: ", ") + filter, nil))
        }
        rows += [
            ("First name", lead.firstName, nil), ("Last name", lead.lastName, nil), ("Company", lead.company, nil),
            ("Job title", lead.jobTitle, nil), ("Email", lead.email, nil), ("Phone", lead.phone, nil),
            ("Mobile", lead.mobile, nil), ("Website", lead.website, nil), ("Country", lead.country, nil),
            ("Value", lead.value.map(MoneyDisplay.text) ?? "", nil), ("Score", lead.score.map(String.init) ?? "", nil),
            ("Priority", lead.priority.rawValue, nil), ("Source", lead.source, nil),
            ("Campaign", lead.campaignID.map { (try? names.name(.campaigns, id: $0)) ?? nil ?? "#\($0)" } ?? "", nil),
            ("Tags", lead.tags.joined(separator: ", "), nil),
            ("Project", lead.projectID.map { (try? names.name(.projects, id: $0)) ?? nil ?? "#\($0)" } ?? "", nil),
            ("UTM source", lead.utmSource, nil), ("UTM medium", lead.utmMedium, nil),
            ("UTM campaign", lead.utmCampaign, nil), ("UTM content", lead.utmContent, nil),
        ]
        rows += lead.customAttributes.keys.sorted().map { ($0, lead.customAttributes[$0] ?? "", nil) }
        rows += [
            ("Received", DateText.format(lead.createdAt)
                + (lead.createdByID == nil ? " by intake" : " by " + session.userName(lead.createdByID)), nil),
            ("First touched", lead.touchedAt.map(DateText.format) ?? "not yet", nil),
            ("Last change", DateText.format(lead.updatedAt), nil),
        ]
        if let when = history.anonymizedAt { rows.append(("Anonymized", DateText.format(when), nil)) }
        rows.append(("Description", lead.description, nil))
        return rows
    }
}
