import Foundation

/// The user-editable fields of a lead (LD-1): a person or company that may become a customer,
/// typed in by hand or posted by a marketing tool (LP-1).
///
/// Everything a sender may post is plain text or an exact amount, so intake can map any payload
/// onto a draft, validate it in one place, and keep what was sent byte for byte.
public struct LeadDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for forms, checks, history, the merge screen and filters. The
    /// keys are also those of intake field mappings and the processor's rules.
    public enum Field: String, DeclaredField {
        case firstName, lastName, company, jobTitle, email, phone, mobile, website, country, value, score, source,
             campaignID, statusID, priority, tags, assigneeID, partnerID, projectID, utmSource, utmMedium, utmCampaign,
             utmContent, description

        /// Made once: intake checks thousands of drafts a second.
        public static let declarations = allCases.map { (field: $0, spec: $0.spec) }

        public var spec: FieldSpec {
            switch self {
            case .firstName: FieldSpec("First name", .line, filter: FilterName("first-name", aliases: ["first"]))
            case .lastName: FieldSpec("Last name", .line, filter: FilterName("last-name", aliases: ["last"]))
            case .company: FieldSpec("Company", .line, filter: FilterName("company", aliases: ["account"]))
            case .jobTitle: FieldSpec("Job title", .line, filter: FilterName("job", aliases: ["title", "job-title"]))
            case .email: FieldSpec("Email", .email, filter: FilterName("email", aliases: ["mail"]))
            case .phone: FieldSpec("Phone", .line, filter: FilterName("phone"))
            case .mobile: FieldSpec("Mobile", .line, filter: FilterName("mobile"))
            case .website: FieldSpec("Website", .line, filter: FilterName("website", aliases: ["web"]))
            case .country: FieldSpec("Country", .line, filter: FilterName("country"))
            case .value: FieldSpec("Value", .money, filter: FilterName("value", aliases: ["amount"]))
            case .score: FieldSpec("Score", .whole, filter: FilterName("score"))
            case .source: FieldSpec("Source", .line, filter: FilterName("source"))
            case .campaignID: FieldSpec("Campaign", .reference(.campaign), filter: FilterName("campaign"))
            case .statusID: FieldSpec("Status", .reference(.leadStatus), filter: FilterName("status", aliases: ["stage"]))
            case .priority: FieldSpec("Priority", .choice, filter: FilterName("priority", aliases: ["prio"]))
            case .tags: FieldSpec("Tags", .list, filter: FilterName("tag", aliases: ["tags"]))
            case .assigneeID:
                FieldSpec("Assignee", .reference(.user), filter: FilterName("assignee", aliases: ["owner", "assigned"]))
            case .partnerID: FieldSpec("Partner", .reference(.partner), filter: FilterName("partner"))
            case .projectID: FieldSpec("Project", .reference(.project), filter: FilterName("project"))
            case .utmSource: FieldSpec("UTM source", .line, filter: FilterName("utm-source"))
            case .utmMedium: FieldSpec("UTM medium", .line, filter: FilterName("utm-medium"))
            case .utmCampaign: FieldSpec("UTM campaign", .line, filter: FilterName("utm-campaign"))
            case .utmContent: FieldSpec("UTM content", .line, filter: FilterName("utm-content"))
            case .description: FieldSpec("Description", .note)
            }
        }
    }

    /// How urgent a lead is; rules may set it (LP-4).
    public enum Priority: String, Sendable, Hashable, CaseIterable {
        case low, normal, high, urgent
    }

    public var firstName = ""
    public var lastName = ""
    public var company = ""
    public var jobTitle = ""
    public var email = ""
    public var phone = ""
    public var mobile = ""
    public var website = ""
    /// A country name or ISO code, as sent.
    public var country = ""
    /// The expected deal value, exact.
    public var value: Money?
    /// A marketing score, 0–1000.
    public var score: Int?
    /// Where the lead came from ("web form", "trade fair", …).
    public var source = ""
    public var campaignID: Int64?
    public var statusID: Int64?
    public var priority = Priority.normal
    /// Free labels, each without commas.
    public var tags: [String] = []
    /// The user the lead is assigned to; `nil` with no partner means the free pool.
    public var assigneeID: Int64?
    public var partnerID: Int64?
    public var projectID: Int64?
    public var utmSource = ""
    public var utmMedium = ""
    public var utmCampaign = ""
    public var utmContent = ""
    public var description = ""
    /// Sender-defined attributes without a field of their own, kept as name → text.
    public var customAttributes: [String: String] = [:]

    public init() {}

    /// "First Last", else the company, else the e-mail: what lists and cards show.
    public var displayName: String {
        let person = [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
        return !person.isEmpty ? person : !company.isEmpty ? company : email
    }

    /// Checks the draft; empty means it can be saved. A lead needs a name, a company or an
    /// e-mail address, so a person can tell leads apart.
    public func validate() -> [FieldError] {
        validateContent() + validateAssignment()
    }

    /// The fields of which a lead needs at least one, so a person can tell leads apart.
    public static let identityFields: [Field] = [.firstName, .lastName, .company, .email]

    /// The refusal of a lead with none of `identityFields`, or `nil`. Forms show it at the last
    /// name; intake, whose sender did not necessarily send that field, words it on its own.
    public var missingIdentity: FieldError? {
        let identity = Self.identityFields.map { text(of: $0) }.joined()
        guard identity.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return FieldError(field: Field.lastName.rawValue, message: "A lead needs a name, a company or an e-mail.")
    }

    /// The checks of everything but the assignment, which lead routing may still change: intake
    /// runs them before the write transaction.
    public func validateContent() -> [FieldError] {
        var errors = missingIdentity.map { [$0] } ?? []
        errors += textProblems()
        if let score, !(0...1_000).contains(score) {
            errors.append(FieldError(field: Field.score.rawValue, message: "The score is a number from 0 to 1000."))
        }
        if let value {
            if value.amount < 0 {
                errors.append(FieldError(field: Field.value.rawValue, message: "The value cannot be negative."))
            } else if let problem = value.storageProblem {
                errors.append(FieldError(field: Field.value.rawValue, message: problem))
            }
        }
        if tags.contains(where: { $0.contains(",") || $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            errors.append(FieldError(field: Field.tags.rawValue, message: "Tags are single words or phrases without commas."))
        } else if let problem = tags.lazy.compactMap({
            FieldRules.check($0, field: Field.tags.rawValue, label: "A tag", limit: FieldRules.lineLimit)
        }).first {
            errors.append(problem)
        }
        return errors
    }

    /// The check of the assignment: a user or a partner, not both.
    public func validateAssignment() -> [FieldError] {
        guard assigneeID != nil, partnerID != nil else { return [] }
        return [FieldError(field: Field.assigneeID.rawValue, message: "Assign the lead to a user or to a partner, not both.")]
    }

    /// The text of one field, as the journal records it and rules compare it.
    public func text(of field: Field) -> String {
        switch field {
        case .firstName: firstName
        case .lastName: lastName
        case .company: company
        case .jobTitle: jobTitle
        case .email: email
        case .phone: phone
        case .mobile: mobile
        case .website: website
        case .country: country
        case .value: value?.description ?? ""
        case .score: score.map(String.init) ?? ""
        case .source: source
        case .campaignID: campaignID.journalText
        case .statusID: statusID.journalText
        case .priority: priority.rawValue
        case .tags: tags.joined(separator: ", ")
        case .assigneeID: assigneeID.journalText
        case .partnerID: partnerID.journalText
        case .projectID: projectID.journalText
        case .utmSource: utmSource
        case .utmMedium: utmMedium
        case .utmCampaign: utmCampaign
        case .utmContent: utmContent
        case .description: description
        }
    }

    /// Every declared field, then the custom attributes as `custom.NAME`.
    public var journalValues: [(field: String, value: String)] {
        Field.allCases.map { ($0.rawValue, text(of: $0)) }
            + customAttributes.keys.sorted().map { ("custom.\($0)", customAttributes[$0] ?? "") }
    }
}
