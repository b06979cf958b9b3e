import CRMCore
import CRMStore

/// The disqualify form (LD-6): one of the statuses of kind disqualified and the reason, both
/// required; the lead keeps everything else.
enum DisqualifyLeadForm {
    static func make(_ lead: Lead, app: AppController) -> FormScreen {
        let statuses = ((try? app.session.database.leadStatuses.list()) ?? []).filter { $0.kind == .disqualified }
        let choices = statuses.map { Choice(id: String($0.id), title: $0.name) }
        let version = EditedVersion(of: lead)
        let status = LeadDraft.Field.statusID, reason = LeadDraft.Event.disqualifyReason
        return FormScreen(section: .leads, title: "Leads › \(lead.displayName) › Disqualify", fields: [
            FormField(status, kind: .select(choices), required: true, choice: choices.first),
            FormField(reason, required: true, text: lead.history.disqualifyReason),
        ]) { values, app in
            FormConflict.outcome {
                let saved = try version.save({
                    try app.session.leads.disqualify(id: lead.id, statusID: Int64(values[status]?.value ?? ""),
                                                     reason: values[reason]?.value ?? "", expectedVersion: $0)
                }, refusal: { RuleViolationError($0.description + " Save again to disqualify it anyway.") })
                return "Disqualified “\(saved.displayName)” (\(saved.statusName))"
            }
        }
    }
}
