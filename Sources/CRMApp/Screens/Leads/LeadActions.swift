import CRMCore
import CRMStore
import TerminalUI

/// The actions on one lead (LD-5…LD-10), shared by the lead views, the lead detail and their
/// context menus, so each action is written once.
enum LeadActions {
    /// The actions in menu order: (command in lists, command in the detail view, title).
    static let entries: [(list: CommandID, detail: CommandID, title: String)] = [
        ("record.open", "record.open", "Open"),
        ("record.edit", "detail.edit", "Edit"),
        ("lead.qualify", "lead.qualify", "Qualify…"),
        ("lead.disqualify", "lead.disqualify", "Disqualify…"),
        ("lead.take", "lead.take", "Take (assign to me)"),
        ("lead.route", "lead.route", "Route by rules"),
        ("lead.account.add", "lead.account.add", "Add to account…"),
        ("lead.partner.add", "lead.partner.add", "Add to partner…"),
        ("lead.activity.new", "lead.activity.new", "Add sales activity"),
        ("lead.merge", "lead.merge", "Merge duplicate…"),
        ("lead.archive", "lead.archive", "Archive / unarchive"),
        ("record.anonymize", "detail.anonymize", "Anonymize…"),
    ]

    /// Runs a lead command on `lead`; returns false when it is not a lead action.
    /// The commands `run` takes, on a list row or a detail view.
    static let commands: Set<CommandID> = [
        "record.open", "record.edit", "detail.edit", "lead.qualify", "lead.disqualify", "lead.take", "lead.route",
        "lead.account.add", "lead.partner.add", "lead.merge", "lead.activity.new", "lead.archive",
        "record.anonymize", "detail.anonymize", "menu.context", "detail.menu",
    ]

    static func run(_ command: CommandID, on lead: Lead, app: AppController, from screen: Screen) -> Bool {
        let leads = app.session.leads
        switch command {
        case "record.open":
            app.push(LeadDetailScreen(leadID: lead.id, app: app))
        case "record.edit", "detail.edit":
            guard !lead.isAnonymized else {
                app.show(error: "“\(lead.displayName)” was anonymized; it can no longer be edited.")
                return true
            }
            app.push(LeadForm.edit(lead, app: app))
        case "lead.qualify":
            QualifyLeadFlow.start(lead, app: app)
        case "lead.disqualify":
            if let refusal = LeadRepository.disqualifyRefusal(lead) {
                app.show(error: refusal)
            } else {
                app.push(DisqualifyLeadForm.make(lead, app: app))
            }
        case "lead.take":
            save(lead, app: app, from: screen, done: "You took “\(lead.displayName)”") {
                try leads.take(id: lead.id, expectedVersion: lead.version)
            }
        case "lead.route":
            let routed = app.attempt("Not routed") { try leads.route(id: lead.id, expectedVersion: lead.version) }
            screen.reload(app: app)
            if let routed { app.show(message: "Routed: " + routed.history.routingExplanation) }
        case "lead.account.add":
            app.present(MenuPopup(title: "Add “\(lead.displayName)” to account", emptyText: "Type to search") { query in
                AccountChoices.search(query.isEmpty ? lead.company : query, session: app.session).map { choice in
                    MenuItem(title: choice.title) { app in
                        save(lead, app: app, from: screen, done: "Added “\(lead.displayName)” to “\(choice.title)”") {
                            try OneFieldChange.run(on: lead, changing: \.history.accountID) {
                                try leads.addToAccount(id: lead.id, accountID: Int64(choice.id) ?? 0, expectedVersion: $0)
                            }
                        }
                    }
                }
            })
        case "lead.partner.add":
            OpportunityActions.pick(.partners, title: "Add “\(lead.displayName)” to partner", app: app) { partnerID, name, app in
                save(lead, app: app, from: screen, done: "“\(lead.displayName)” is now with the partner “\(name)”") {
                    try OneFieldChange.run(on: lead, changing: { [$0.partnerID, $0.assigneeID] }) {
                        try leads.addToPartner(id: lead.id, partnerID: partnerID, expectedVersion: $0)
                    }
                }
            }
        case "lead.merge":
            LeadMergeScreen.open(for: lead, app: app)
        case "lead.activity.new":
            app.push(ActivityForms.new(for: .lead(lead.id), app: app))
        case "lead.archive":
            save(lead, app: app, from: screen,
                 done: lead.isArchived ? "Unarchived “\(lead.displayName)”" : "Archived “\(lead.displayName)”") {
                try OneFieldChange.run(on: lead, changing: \.isArchived) {
                    try leads.setArchived(!lead.isArchived, id: lead.id, expectedVersion: $0)
                }
            }
        case "record.anonymize", "detail.anonymize":
            guard !lead.isAnonymized else {
                app.show(message: "“\(lead.displayName)” was anonymized already")
                return true
            }
            app.confirm("Anonymize “\(lead.displayName)”? This cannot be undone.",
                        detail: "Erases name, company, title, e-mail, phones, website, notes, payload.") { app in
                save(lead, app: app, from: screen, done: "Anonymized the lead #\(lead.id)") {
                    try leads.anonymize(id: lead.id, expectedVersion: lead.version)
                }
            }
        case "menu.context", "detail.menu":
            app.present(MenuPopup(title: lead.displayName, items: menu(for: lead, app: app, from: screen)))
        default:
            return false
        }
        return true
    }

    static func menu(for lead: Lead, app: AppController, from screen: Screen) -> [MenuItem] {
        let isDetail = screen is LeadDetailScreen
        return entries.filter { !(isDetail && $0.list == "record.open") }.map { entry in
            let command = isDetail ? entry.detail : entry.list
            return MenuItem(title: entry.title, key: app.bindings.keyLabel(for: command, in: screen.contexts)) { app in
                _ = run(command, on: lead, app: app, from: screen)
            }
        }
    }

    /// Runs one store action; the screen re-reads either way (a refusal may come from a change
    /// someone else made), and the status line says what happened.
    private static func save(_ lead: Lead, app: AppController, from screen: Screen, done: String,
                             _ action: () throws -> Lead) {
        let saved = app.attempt("Not changed", action)
        screen.reload(app: app)
        if saved != nil { app.show(message: done) }
    }
}
