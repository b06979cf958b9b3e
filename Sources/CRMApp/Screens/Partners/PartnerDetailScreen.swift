import CRMCore
import CRMStore
import TerminalUI

/// One partner with tabs (PA-1): its data with results and forecast, its consultants, the
/// opportunities assigned to it, its sales activities (SA-2) and its history (ST-6); the PA-2
/// actions in the sidebar and the context menu.
final class PartnerDetailScreen: RecordScreen<Partner> {
    let partnerID: Int64

    init(partnerID: Int64, app: AppController) {
        self.partnerID = partnerID
        super.init(section: .partners, trail: "Partners", noun: "partner", placeholder: "#\(partnerID)",
                   contexts: [.partner, .detail], read: { try $0.session.partners.get(id: partnerID) }, name: \.name)
        let opportunities = OpportunityList(view: .ofPartner(partnerID), app: app) { OpportunityForm.create(app: $0, partnerID: partnerID) }
        opportunities.host = self
        panes = [
            Tab(title: "Data", pane: FieldsPane(multiline: ["Note"]) { [unowned self] app in
                guard let partner = record else { return [] }
                let session = app.session
                let summary = app.attempt("Could not read the partner's results") {
                    try session.opportunities.pipelineSummary(OpportunityQuery(view: .ofPartner(partnerID)))
                }
                let rates = app.attempt("Could not read the exchange rates") { try session.moneySettings.table(on: CalendarDate.today()) }
                return PartnerPresenter.rows(partner, summary: summary, rates: rates, session: session)
            }),
            Tab(title: "Consultants", pane: ConsultantsPane { [unowned self] in record }),
            Tab(title: "Opportunities", pane: opportunities),
            Tab(title: "Activities", pane: ActivityTimeline(target: .partner(partnerID), app: app)),
            Tab(title: "History", pane: HistoryPane(.partner, id: partnerID)),
        ]
        reload(app: app)
    }

    var partner: Partner? { record }

    override func actions(on record: Partner?) -> [Command] {
        PartnerActions.commands(for: record, fromList: false, from: self)
    }
}

/// The Consultants tab of a partner: its consultants (personal contacts); move, add, open or
/// edit the contact, remove the link (the contact stays).
final class ConsultantsPane: Pane {
    private let partner: () -> Partner?
    private var consultants: [PersonalContact] = []
    private var consultantCursor = RowCursor()
    private var selectedConsultant: Int { consultantCursor.selected }

    init(partner: @escaping () -> Partner?) {
        self.partner = partner
    }

    let contexts: [KeyContext] = [.list]

    func reload(app: AppController) {
        guard let partner = partner() else { return }
        consultants = app.attempt("Could not read the consultants") { try app.session.partners.consultants(of: partner.id) } ?? []
        consultantCursor.resize(count: consultants.count)
    }

    func commands(app: AppController) -> [Command] { consultantCommands() }

    /// `N` (and `n`) adds, `x` (and `D`) removes the link.
    private func consultantCommands() -> [Command] {
        let selected = consultants.indices.contains(selectedConsultant) ? consultants[selectedConsultant] : nil
        let missing = "There is no consultant here"
        let add = Command.on(partner(), .partnerConsultantNew, [.sidebar], missing: "This partner no longer exists") { partner, app in
            app.push(ContactForm.createConsultant(of: partner, app: app))
        }
        let remove = Command.on(selected, .partnerConsultantRemove, [.sidebar], missing: missing) { [unowned self] contact, app in
            guard let partner = partner() else { return }
            app.confirm("Remove \(contact.displayName) from the consultants of \(partner.name)?",
                        detail: "The personal contact stays.") { app in
                if app.attempt("Could not remove the consultant", {
                    try app.session.partners.removeConsultant(partnerID: partner.id, contactID: contact.id)
                }) != nil {
                    app.show(message: "\(contact.displayName) is no longer a consultant of \(partner.name)")
                }
                self.reload(app: app)
            }
        }
        let step = { [unowned self] (offset: Int) in consultantCursor.down(offset) }
        return [
            add,
            Command.on(selected, .recordOpen, [.sidebar], missing: missing) { contact, app in
                app.push(ContactDetailScreen(contactID: contact.id, app: app))
            },
            Command.on(selected, .recordEdit, [.sidebar], missing: missing) { contact, app in app.push(ContactForm.edit(contact, app: app)) },
            remove,
            add.placed([]).renamed(.recordNew),
            remove.placed([]).renamed(.recordDelete),
            Command(.cursorDown) { _ in step(1) },
            Command(.cursorUp) { _ in step(-1) },
        ]
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let key = app.bindings.keyLabel(for: .recordNew, in: contexts) ?? ":"
        SelectableRows.render(consultants, cursor: &consultantCursor,
                              empty: "No consultants. Press \(key) to add a new one.", columns: [
                                  TableColumn("Name", minWidth: 18, weight: 2) { $0.displayName },
                                  TableColumn("Job title", minWidth: 12, weight: 1) { $0.jobTitle },
                                  TableColumn("Email", minWidth: 14, weight: 2) { $0.email },
                                  TableColumn("Phone", minWidth: 14) { $0.phone },
                              ], into: &buffer, rect: rect, theme: app.theme)
    }
}
