import CRMCore
import CRMStore
import TerminalUI

/// One opportunity with the tabs of OP-4, and the OP-5 actions in the sidebar and the context
/// menu.
final class OpportunityDetailScreen: RecordScreen<Opportunity> {
    let opportunityID: Int64

    init(opportunityID: Int64, app: AppController) {
        self.opportunityID = opportunityID
        super.init(section: .opportunities, trail: "Opportunities", noun: "opportunity", placeholder: "#\(opportunityID)",
                   contexts: [.opportunity, .detail], read: { try $0.session.opportunities.get(id: opportunityID) }, name: \.name)
        let relations = app.session.opportunityRelations
        // New tasks are related to the opportunity; `T` adds an existing or a new one.
        let tasks = TaskList(view: .ofOpportunity(opportunityID), relatedTo: .opportunity(opportunityID), app: app)
        tasks.host = self
        tasks.hostCommands = { [unowned self] _ in
            [Command.on(record, .opportunityTaskAdd, [.sidebar], missing: "There is no opportunity here") { opportunity, app in
                OpportunityActions.addTask(to: opportunity, app: app, from: self)
            }]
        }
        panes = [
            Tab(title: "Overview", pane: FieldsPane(multiline: ["Description"]) { [unowned self] app in
                record.map { OpportunityPresenter.rows($0, session: app.session) } ?? []
            }),
            Tab(title: "Activities", pane: ActivityTimeline(target: .opportunity(opportunityID), app: app)),
            Tab(title: "Tasks", pane: tasks),
            Tab(title: "Related accounts", pane: RelationRowsPane<Account>(
                noun: "related accounts", addCommand: .opportunityAccountAdd,
                columns: [
                    TableColumn("Account", minWidth: 20, weight: 2) { $0.displayName },
                    TableColumn("City", minWidth: 12, weight: 1) { $0.city },
                    TableColumn("Email", minWidth: 14, weight: 1) { $0.email },
                ],
                read: { try relations.relatedAccounts(of: opportunityID) },
                open: { account, app in app.push(AccountDetailScreen(accountID: account.id, app: app)) },
                removal: { account in
                    ("Remove “\(account.displayName)” from the related accounts?", { try relations.unrelate(accountID: account.id, from: opportunityID) })
                })),
            Tab(title: "Business roles", pane: RelationRowsPane<BusinessRole>(
                noun: "business roles", addCommand: .opportunityRoleAdd,
                columns: [
                    TableColumn("Contact", minWidth: 18, weight: 2) { $0.contactName },
                    TableColumn("Role", minWidth: 16, weight: 2) { $0.role },
                    TableColumn("Account", minWidth: 14, weight: 1) { $0.accountName ?? "" },
                ],
                read: { try relations.businessRoles(of: opportunityID) },
                open: nil,
                removal: { role in
                    ("Remove the business role of \(role.contactName) (\(role.role))?", { try relations.removeBusinessRole(id: role.id) })
                })),
            Tab(title: "Quotes", pane: NoticePane("Quotes come in a later release: you will build them from your price books, "
                + "and the active quote will set the amount of the deal.")),
            Tab(title: "Contracts", pane: NoticePane("Contracts come in a later release: when you win the deal, every product sold "
                + "will become a contract here.")),
            Tab(title: "Attachments", pane: NoticePane("Attachments come in a later release: files kept with the deal, every earlier "
                + "version too.")),
            Tab(title: "History", pane: HistoryPane(.opportunity, id: opportunityID)),
        ]
        reload(app: app)
    }

    var opportunity: Opportunity? { record }

    override func actions(on record: Opportunity?) -> [Command] {
        OpportunityActions.commands(for: record, at: .detail, from: self)
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
            return (field.spec.label, value ?? "")
        }
    }
}
