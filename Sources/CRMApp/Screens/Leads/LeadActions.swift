import CRMCore
import CRMStore
import TerminalUI

/// The actions on one lead (LD-5…LD-10), shared by the lead views, the lead detail and their
/// context menus, so each action is written once.
enum LeadActions {
    /// Where the actions are offered: a list's selected row, or the detail view of one lead.
    enum Place { case list, detail }

    /// The lead actions on `lead` (nil while the list has no row), in context-menu order, each
    /// placed in the sidebar where `place` shows it.
    static func commands(for lead: Lead?, at place: Place, from screen: Screen) -> [Command] {
        let inSidebar = { (places: Set<Place>) -> CommandPlacement in places.contains(place) ? [.sidebar, .menu] : [.menu] }
        let action = { (id: CommandID, places: Set<Place>, title: String, reason: @escaping (Lead) -> String?,
                        run: @escaping (Lead, AppController) -> Void) -> Command in
            Command.on(lead, id, inSidebar(places), menuTitle: title, missing: "There is no lead here",
                       unavailable: reason, action: run)
        }
        let always = { (_: Lead) -> String? in nil }
        var commands: [Command] = []
        if place == .list {
            commands.append(action(.recordOpen, [.list], "Open", always) { lead, app in
                app.push(LeadDetailScreen(leadID: lead.id, app: app))
            })
        }
        commands += [
            action(.recordEdit, [.list, .detail], "Edit", editRefusal) { lead, app in app.push(LeadForm.edit(lead, app: app)) },
            action(.leadQualify, [.list, .detail], "Qualify…", always) { lead, app in QualifyLeadFlow.start(lead, app: app) },
            action(.leadDisqualify, [.detail], "Disqualify…", LeadRepository.disqualifyRefusal) { lead, app in
                app.push(DisqualifyLeadForm.make(lead, app: app))
            },
            action(.leadTake, [.list, .detail], "Take (assign to me)", always) { lead, app in
                save(lead, app: app, from: screen, done: "You took “\(lead.displayName)”") { leads in
                    try leads.take(id: lead.id, expectedVersion: lead.version)
                }
            },
            action(.leadRoute, [.detail], "Route by rules", always) { lead, app in
                let routed = app.attempt("Not routed") { try app.session.leads.route(id: lead.id, expectedVersion: lead.version) }
                screen.reload(app: app)
                if let routed { app.show(message: "Routed: " + routed.history.routingExplanation) }
            },
            action(.leadAccountAdd, [.detail], "Add to account…", always) { lead, app in
                pickAccount(for: lead, app: app, from: screen)
            },
            action(.leadPartnerAdd, [.detail], "Add to partner…", always) { lead, app in
                OpportunityActions.pick(.partners, title: "Add “\(lead.displayName)” to partner", app: app) { partnerID, name, app in
                    save(lead, app: app, from: screen, done: "“\(lead.displayName)” is now with the partner “\(name)”") { leads in
                        try OneFieldChange.run(on: lead, changing: { [$0.partnerID, $0.assigneeID] }) {
                            try leads.addToPartner(id: lead.id, partnerID: partnerID, expectedVersion: $0)
                        }
                    }
                }
            },
            action(.leadActivityNew, [.detail], "Add sales activity", always) { lead, app in
                app.push(ActivityForms.new(for: .lead(lead.id), app: app))
            },
            action(.leadMerge, [.list], "Merge duplicate…", always) { lead, app in LeadMergeScreen.open(for: lead, app: app) },
            action(.leadArchive, [.list, .detail], "Archive / unarchive", always) { lead, app in
                save(lead, app: app, from: screen,
                     done: lead.isArchived ? "Unarchived “\(lead.displayName)”" : "Archived “\(lead.displayName)”") { leads in
                    try OneFieldChange.run(on: lead, changing: \.isArchived) {
                        try leads.setArchived(!lead.isArchived, id: lead.id, expectedVersion: $0)
                    }
                }
            },
            action(.recordAnonymize, [.detail], "Anonymize…", { $0.isAnonymized ? "“\($0.displayName)” was anonymized already" : nil }) {
                lead, app in
                app.confirm("Anonymize “\(lead.displayName)”? This cannot be undone.",
                            detail: "Erases name, company, title, e-mail, phones, website, notes, payload.") { app in
                    save(lead, app: app, from: screen, done: "Anonymized the lead #\(lead.id)") { leads in
                        try leads.anonymize(id: lead.id, expectedVersion: lead.version)
                    }
                }
            },
        ]
        return commands
    }

    private static func editRefusal(_ lead: Lead) -> String? {
        lead.isAnonymized ? "“\(lead.displayName)” was anonymized; it can no longer be edited." : nil
    }

    private static func pickAccount(for lead: Lead, app: AppController, from screen: Screen) {
        app.present(MenuPopup(title: "Add “\(lead.displayName)” to account", emptyText: "Type to search") { query in
            AccountChoices.search(query.isEmpty ? lead.company : query, session: app.session).map { choice in
                MenuItem(title: choice.title) { app in
                    save(lead, app: app, from: screen, done: "Added “\(lead.displayName)” to “\(choice.title)”") { leads in
                        try OneFieldChange.run(on: lead, changing: \.history.accountID) {
                            try leads.addToAccount(id: lead.id, accountID: Int64(choice.id) ?? 0, expectedVersion: $0)
                        }
                    }
                }
            }
        })
    }

    /// Runs one store action; the screen re-reads either way (a refusal may come from a change
    /// someone else made), and the status line says what happened.
    private static func save(_ lead: Lead, app: AppController, from screen: Screen, done: String,
                             _ action: (LeadRepository) throws -> Lead) {
        let saved = app.attempt("Not changed") { try action(app.session.leads) }
        screen.reload(app: app)
        if saved != nil { app.show(message: done) }
    }
}
