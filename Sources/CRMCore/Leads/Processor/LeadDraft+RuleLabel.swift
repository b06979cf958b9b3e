extension LeadDraft.Field {
    /// The field as rule explanations name it, in lower case: "country", "UTM source".
    public var ruleLabel: String {
        switch self {
        case .firstName: "first name"
        case .lastName: "last name"
        case .company: "company"
        case .jobTitle: "job title"
        case .email: "e-mail"
        case .phone: "phone"
        case .mobile: "mobile"
        case .website: "website"
        case .country: "country"
        case .value: "value"
        case .score: "score"
        case .source: "source"
        case .campaignID: "campaign"
        case .statusID: "status"
        case .priority: "priority"
        case .tags: "tags"
        case .assigneeID: "assignee"
        case .partnerID: "partner"
        case .projectID: "project"
        case .utmSource: "UTM source"
        case .utmMedium: "UTM medium"
        case .utmCampaign: "UTM campaign"
        case .utmContent: "UTM content"
        case .description: "description"
        }
    }
}
