import Foundation

/// Fills a lead draft from mapped payload entries, collecting every problem under the sender's
/// name instead of stopping at the first.
struct LeadDraftBuilder {
    /// Lead fields senders may set; the rest are ids that rules and users assign.
    static let senderFields: Set<LeadDraft.Field> = Set(LeadDraft.Field.allCases).subtracting([
        .campaignID, .statusID, .assigneeID, .partnerID, .projectID,
    ])

    let defaultCurrency: Currency?
    private(set) var draft = LeadDraft()
    private(set) var errors: [FieldError] = []
    /// Lead field key → the sender name that set it.
    private(set) var senderNames: [String: String] = [:]
    private var sentValues: [String: String] = [:]
    private var valueText: (name: String, text: String)?
    private var currencyText: (name: String, text: String)?

    init(defaultCurrency: Currency?) {
        self.defaultCurrency = defaultCurrency
    }

    mutating func apply(_ entry: IntakePayload.Entry, to target: LeadFieldMapping.Target) {
        switch target {
        case .ignored:
            return
        case .custom(let attribute):
            guard claim("custom.\(attribute)", entry) else { return }
            if let error = FieldRules.check(attribute, field: entry.name, label: "The attribute name",
                                            limit: FieldRules.lineLimit)
                ?? FieldRules.check(entry.value, field: entry.name, label: "The value", limit: FieldRules.noteLimit) {
                errors.append(error)
            }
            draft.customAttributes[attribute] = entry.value
        case .currency:
            guard claim("currency", entry) else { return }
            currencyText = (entry.name, entry.value)
        case .field(let field):
            guard Self.senderFields.contains(field) else {
                errors.append(FieldError(field: entry.name, message: "Senders cannot set the lead's \(field.rawValue)."))
                return
            }
            guard claim(field.rawValue, entry) else { return }
            set(field, entry)
        }
    }

    /// The draft with the value in its currency; call once, after every entry.
    mutating func finish() -> LeadDraft {
        if let currencyText, valueText == nil, !currencyText.text.isEmpty {
            _ = currency(from: currencyText)
        }
        guard let valueText, !valueText.text.isEmpty else { return draft }
        let currency: Currency?
        if let currencyText, !currencyText.text.isEmpty {
            currency = self.currency(from: currencyText)
        } else if let defaultCurrency {
            currency = defaultCurrency
        } else {
            errors.append(FieldError(field: valueText.name, message: "A value needs a currency; send its code too, e.g. EUR."))
            currency = nil
        }
        guard let currency else { return draft }
        do {
            draft.value = try Money(parsing: valueText.text, currency: currency)
        } catch {
            errors.append(FieldError(field: valueText.name, message: error.description))
        }
        return draft
    }

    /// Records that `entry` set `slot`; a second, different value for the same slot is refused,
    /// since silently picking one would lose what the sender meant.
    private mutating func claim(_ slot: String, _ entry: IntakePayload.Entry) -> Bool {
        if let earlier = sentValues[slot] {
            if earlier != entry.value {
                errors.append(FieldError(field: entry.name,
                                         message: "Conflicts with `\(senderNames[slot] ?? slot)`, which was sent with another value."))
            }
            return false
        }
        sentValues[slot] = entry.value
        senderNames[slot] = entry.name
        return true
    }

    private mutating func currency(from sent: (name: String, text: String)) -> Currency? {
        do {
            return try Currency(code: sent.text.trimmingCharacters(in: .whitespaces).uppercased())
        } catch {
            errors.append(FieldError(field: sent.name, message: error.description))
            return nil
        }
    }

    private mutating func set(_ field: LeadDraft.Field, _ entry: IntakePayload.Entry) {
        let text = entry.value
        switch field {
        case .firstName: draft.firstName = text
        case .lastName: draft.lastName = text
        case .company: draft.company = text
        case .jobTitle: draft.jobTitle = text
        case .email: draft.email = text
        case .phone: draft.phone = text
        case .mobile: draft.mobile = text
        case .website: draft.website = text
        case .country: draft.country = text
        case .source: draft.source = text
        case .utmSource: draft.utmSource = text
        case .utmMedium: draft.utmMedium = text
        case .utmCampaign: draft.utmCampaign = text
        case .utmContent: draft.utmContent = text
        case .description: draft.description = text
        case .value: valueText = (entry.name, text)
        case .score:
            guard !text.isEmpty else { return }
            guard let score = Int(text) else {
                errors.append(FieldError(field: entry.name, message: "\"\(text)\" is not a whole number."))
                return
            }
            draft.score = score
        case .priority:
            guard !text.isEmpty else { return }
            guard let priority = LeadDraft.Priority(rawValue: text.lowercased()) else {
                let allowed = LeadDraft.Priority.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: entry.name, message: "\"\(text)\" is not a priority; use one of \(allowed)."))
                return
            }
            draft.priority = priority
        case .tags:
            draft.tags = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .campaignID, .statusID, .assigneeID, .partnerID, .projectID:
            break // refused in `apply`
        }
    }
}
