import CRMCore
import CRMStore
import TerminalUI

/// One opportunity with the tabs of OP-4, and the OP-5 actions in the sidebar and the context
/// menu.
final class OpportunityDetailScreen: Screen {
    enum Tab: Int, CaseIterable {
        case overview, activities, tasks, accounts, roles, quotes, contracts, attachments, history
        var title: String {
            ["Overview", "Activities", "Tasks", "Related accounts", "Business roles", "Quotes", "Contracts",
             "Attachments", "History"][rawValue]
        }
    }

    let section = Section.opportunities
    let opportunityID: Int64
    private(set) var opportunity: Opportunity?
    private var tab = Tab.overview
    private var scroll = DetailScroll()
    private var rows = RowCursor()
    private var selectedRow: Int { rows.selected }
    private var relatedAccounts: [Account] = []
    private var roles: [BusinessRole] = []
    private var history: [JournalEntry] = []
    private let activities: ActivityTimeline
    private let tasks: TaskList

    init(opportunityID: Int64, app: AppController) {
        self.opportunityID = opportunityID
        activities = ActivityTimeline(target: .opportunity(opportunityID), app: app)
        tasks = TaskList(view: .ofOpportunity(opportunityID), app: app)
        reload(app: app)
    }

    var breadcrumb: String { "Opportunities › " + (opportunity?.name ?? "#\(opportunityID)") }
    var tabs: [String] { Tab.allCases.map(\.title) }
    var activeTab: Int { tab.rawValue }
    /// On the activities and tasks tabs the list keys come first (n, e, D, Enter act on the rows).
    var contexts: [KeyContext] {
        switch tab {
        case .activities: activities.contexts + [.opportunity, .detail]
        case .tasks: [.list, .opportunity, .detail]
        default: [.opportunity, .detail]
        }
    }
    var isTyping: Bool { tab == .tasks && tasks.isTyping }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        tab == .tasks ? tasks.handleKey(event, app: app) : false
    }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        switch (record.entity, tab) {
        case (.salesActivity, .activities): _ = activities.reveal(record, app: app)
        case (.task, .tasks): tasks.reveal(id: record.id, app: app)
        default: return false
        }
        return true
    }

    func reload(app: AppController) {
        guard app.reread(&opportunity, "opportunity", { try app.session.opportunities.get(id: opportunityID) }) else { return }
        let relations = app.session.opportunityRelations
        switch tab {
        case .activities: activities.reload(app: app)
        case .tasks: tasks.reload(app: app)
        case .accounts:
            relatedAccounts = app.attempt("Could not read the related accounts") { try relations.relatedAccounts(of: opportunityID) } ?? []
        case .roles:
            roles = app.attempt("Could not read the business roles") { try relations.businessRoles(of: opportunityID) } ?? []
        case .history:
            history = HistoryView.load(.opportunity, id: opportunityID, app: app)
        default: break
        }
        rows.resize(count: rowCount)
    }

    private var rowCount: Int {
        switch tab {
        case .accounts: relatedAccounts.count
        case .roles: roles.count
        default: 0
        }
    }

    func commands(app: AppController) -> [Command] {
        let tabs = Command.tabSteps { [unowned self] step in
            tab = Tab(rawValue: (tab.rawValue + step + Tab.allCases.count) % Tab.allCases.count)!
            scroll.reset()
            rows = RowCursor()
            reload(app: app)
        }
        let actions = OpportunityActions.commands(for: opportunity, at: .detail, from: self)
        switch tab {
        case .activities:
            return activities.commands(app: app) + tabs + actions.map { $0.placed([.menu]) }
                + [Command.contextMenu(titled: opportunity?.name, [])]
        case .tasks:
            let addTask = Command.on(opportunity, .opportunityTaskAdd, [.sidebar], missing: "There is no opportunity here") {
                [unowned self] opportunity, app in OpportunityActions.addTask(to: opportunity, app: app, from: self)
            }
            return TaskListCommands.commands(of: tasks, relatedTo: .opportunity(opportunityID), app: app, from: self)
                + [addTask] + tabs + [Command.contextMenu(titled: tasks.selected?.subject, [])] + actions.map { $0.placed([]) }
        default:
            return rowCommands(app: app) + actions + tabs + [Command.contextMenu(titled: opportunity?.name)]
        }
    }

    /// The scrolling keys, which move the selected line on the related-accounts and business-roles
    /// tabs; there Enter opens the selected account and `D` removes the selected relation.
    private func rowCommands(app: AppController) -> [Command] {
        let moves = DetailScroll.commands { [unowned self] id in
            if rowCount > 0, let step = scroll.step(id) {
                rows.down(step)
            } else {
                _ = scroll.scroll(id)
            }
        }
        let account = tab == .accounts && relatedAccounts.indices.contains(selectedRow) ? relatedAccounts[selectedRow] : nil
        let open = Command.on(account, .recordOpen, missing: "Select a related account to open it") { account, app in
            app.push(AccountDetailScreen(accountID: account.id, app: app))
        }
        guard tab == .accounts || tab == .roles else { return moves + [open] }
        return moves + [open, Command(.recordDelete) { [unowned self] app in removeSelectedRelation(app: app) }]
    }

    /// On the related-accounts and business-roles tabs, `D` removes the selected relation.
    private func removeSelectedRelation(app: AppController) {
        let relations = app.session.opportunityRelations
        if tab == .accounts, relatedAccounts.indices.contains(selectedRow) {
            let account = relatedAccounts[selectedRow]
            app.confirm("Remove “\(account.displayName)” from the related accounts?") { app in
                _ = app.attempt("Could not remove it") { try relations.unrelate(accountID: account.id, from: self.opportunityID) }
                self.reload(app: app)
            }
        } else if tab == .roles, roles.indices.contains(selectedRow) {
            let role = roles[selectedRow]
            app.confirm("Remove the business role of \(role.contactName) (\(role.role))?") { app in
                _ = app.attempt("Could not remove it") { try relations.removeBusinessRole(id: role.id) }
                self.reload(app: app)
            }
        }
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        guard let opportunity else {
            buffer.write("This opportunity no longer exists.", x: rect.x + 2, y: rect.y + 1, style: app.theme.dim)
            return
        }
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let theme = app.theme
        switch tab {
        case .overview:
            DetailRows.render(OpportunityPresenter.rows(opportunity, session: app.session), multiline: ["Description"],
                              scroll: &scroll,
                              into: &buffer, rect: inner, theme: theme)
        case .accounts:
            renderTable(relatedAccounts, empty: "No related accounts. Press \(key(.opportunityAccountAdd, app)) to add one.",
                        columns: [
                            TableColumn("Account", minWidth: 20, weight: 2) { $0.displayName },
                            TableColumn("City", minWidth: 12, weight: 1) { $0.city },
                            TableColumn("Email", minWidth: 14, weight: 1) { $0.email },
                        ], into: &buffer, rect: inner, theme: theme)
        case .roles:
            renderTable(roles, empty: "No business roles. Press \(key(.opportunityRoleAdd, app)) to add one.",
                        columns: [
                            TableColumn("Contact", minWidth: 18, weight: 2) { $0.contactName },
                            TableColumn("Role", minWidth: 16, weight: 2) { $0.role },
                            TableColumn("Account", minWidth: 14, weight: 1) { $0.accountName ?? "" },
                        ], into: &buffer, rect: inner, theme: theme)
        case .history:
            HistoryView.render(history, scroll: &scroll, into: &buffer, rect: inner, theme: theme)
        case .activities:
            activities.render(into: &buffer, rect: inner, app: app)
        case .tasks:
            tasks.render(into: &buffer, rect: inner, app: app, contexts: contexts)
        case .quotes, .contracts, .attachments:
            let text = switch tab {
            case .quotes: "Quotes come in a later release: you will build them from your price books, "
                + "and the active quote will set the amount of the deal."
            case .contracts: "Contracts come in a later release: when you win the deal, every product sold "
                + "will become a contract here."
            case .attachments: "Attachments come in a later release: files kept with the deal, every earlier "
                + "version too."
            default: ""
            }
            for (row, line) in TextWrap.lines(text, width: inner.width - 2).enumerated() {
                buffer.write(line, x: inner.x + 1, y: inner.y + 1 + row, style: theme.dim, maxWidth: inner.width - 2)
            }
        }
    }

    private func renderTable<Row>(_ rows: [Row], empty: String, columns: [TableColumn<Row>],
                                  into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        SelectableRows.render(rows, cursor: &self.rows, empty: empty, columns: columns, into: &buffer, rect: rect,
                              theme: theme)
    }

    private func key(_ command: CommandID, _ app: AppController) -> String {
        app.bindings.keyLabel(for: command, in: contexts) ?? ":"
    }
}

/// The "Overview" tab of an opportunity: every field with a label, in reading order.
enum OpportunityPresenter {
    static func rows(_ opportunity: Opportunity, session: AppSession) -> [(label: String, value: String)] {
        let names = session.database.names
        let contact = opportunity.contactID.flatMap { try? session.contacts.get(id: $0).displayName }
        return [
            ("Name", opportunity.name),
            ("Account", opportunity.accountName ?? ""),
            ("Contact", contact ?? ""),
            ("Status", "\(opportunity.statusName) (\(opportunity.statusKind.title))"),
        ] + closingRows(opportunity, session: session) + [
            ("Probability", "\(opportunity.effectiveProbability)%" + (opportunity.probability == nil ? " (status default)" : "")),
            ("Amount", opportunity.amount.map(MoneyDisplay.text) ?? ""),
            ("Expected close", opportunity.expectedClose?.description ?? ""),
            ("Owner", opportunity.ownerName ?? ""),
            ("Project", opportunity.projectID.flatMap { try? names.name(.projects, id: $0) } ?? ""),
            ("Partner", opportunity.partnerID.flatMap { try? names.name(.partners, id: $0) } ?? ""),
            ("Created", DateText.format(opportunity.createdAt) + " by " + session.userName(opportunity.createdByID)),
            ("Last change", DateText.format(opportunity.updatedAt)),
            ("Description", opportunity.description),
        ]
    }

    /// When and why a won or lost deal closed; nothing for an open one.
    private static func closingRows(_ opportunity: Opportunity, session: AppSession) -> [(label: String, value: String)] {
        OpportunityDraft.closingFields(of: opportunity.statusKind).map { field in
            let value = switch field {
            case .lostReasonID:
                opportunity.lostReasonID.map { id in
                    ((try? session.lostReasons.list()) ?? []).first { $0.id == id }?.name ?? "#\(id)"
                }
            default: opportunity.closedOn?.description
            }
            return (field.label, value ?? "")
        }
    }
}
