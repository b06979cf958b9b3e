import Foundation

/// How one sender's field names become lead fields (LP-1): one mapping per API key.
///
/// Names match case-insensitively (`FNAME`, `fname`). Values are kept exactly as sent — control
/// characters and escape sequences included — because storage keeps the truth and the
/// interface escapes it when drawing. Names the mapping does not know are kept as custom
/// attributes under the sender's name, so nothing a sender posts is lost; only names mapped to
/// `.ignored` (envelope noise such as a webhook's timestamp) are dropped, and the raw payload is
/// kept for audit anyway (LP-2).
public struct LeadFieldMapping: Sendable, Hashable {
    /// Where one sender name goes.
    public enum Target: Sendable, Hashable {
        /// A lead field a sender may set; ids (status, assignee, partner, project, campaign) are
        /// for rules and users, so mapping to them is refused when the payload is read.
        case field(LeadDraft.Field)
        /// The currency code of `value`.
        case currency
        /// A custom attribute under this name.
        case custom(String)
        /// Dropped on purpose.
        case ignored
    }

    /// A label for settings screens, e.g. "HubSpot".
    public var name: String
    /// The currency of a value sent without one; `nil` makes such a value an error.
    public var defaultCurrency: Currency?
    private var targets: [String: Target]
    /// The first sender name for each target, used to name a field the sender left out.
    private var primaryNames: [Target: String]

    /// `targets` pairs sender names with targets; for a target listed more than once the first
    /// name is the one errors use when the sender did not send any of them.
    public init(name: String, defaultCurrency: Currency? = nil, targets: KeyValuePairs<String, Target>) {
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.targets = [:]
        self.primaryNames = [:]
        for (sender, target) in targets {
            self.targets[sender.lowercased()] = target
            if primaryNames[target] == nil { primaryNames[target] = sender }
        }
    }

    /// Where the sender name `name` goes: its mapped target, else a custom attribute of that name.
    public func target(of name: String) -> Target {
        targets[name.lowercased()] ?? .custom(name)
    }

    /// The lead a payload describes, or every problem named by the sender's field names.
    public func draft(from payload: IntakePayload) -> Result<LeadDraft, IntakeError> {
        var builder = LeadDraftBuilder(defaultCurrency: defaultCurrency)
        for entry in payload.entries {
            builder.apply(entry, to: target(of: entry.name))
        }
        let draft = builder.finish()
        let missingIdentity = draft.missingIdentity
        let validation = draft.validate().filter { $0 != missingIdentity }.map { error in
            FieldError(field: senderName(ofLeadField: error.field, sentAs: builder.senderNames), message: error.message)
        }
        let errors = builder.errors + validation.filter { !builder.errors.map(\.field).contains($0.field) }
        guard errors.isEmpty, missingIdentity == nil else {
            return .failure(.invalidLead(lacking: missingIdentity.map(identityRequest), fields: errors))
        }
        return .success(draft)
    }

    /// The missing-identity refusal in the sender's terms: no single field is at fault, so it
    /// names none and lists the mapping's names that would satisfy it instead.
    private func identityRequest(_ refusal: FieldError) -> String {
        let names = LeadDraft.identityFields.compactMap { primaryNames[.field($0)] }
        guard !names.isEmpty else { return refusal.message }
        return refusal.message + " Send one of these fields: " + names.map { "`\($0)`" }.joined(separator: ", ") + "."
    }

    /// The name the sender used for a lead field, else the mapping's first name for it, else
    /// the lead field's own key.
    private func senderName(ofLeadField key: String, sentAs senderNames: [String: String]) -> String {
        if let sent = senderNames[key] { return sent }
        guard let field = LeadDraft.Field(rawValue: key) else { return key }
        return primaryNames[.field(field)] ?? key
    }
}
