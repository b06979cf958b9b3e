import GRDB

/// The `leads` table: its name and the columns of its own, named once for writes and reads.
/// The columns every record has are in `RecordColumns`.
enum LeadTable {
    static let name = "leads"

    static let firstName = Column("first_name")
    static let lastName = Column("last_name")
    static let company = Column("company")
    static let jobTitle = Column("job_title")
    static let email = Column("email")
    static let phone = Column("phone")
    static let mobile = Column("mobile")
    static let website = Column("website")
    static let country = Column("country")
    /// The value in minor units of `currency`; both are NULL without a value.
    static let valueMinor = Column("value_minor")
    static let currency = Column("currency")
    static let score = Column("score")
    static let source = Column("source")
    static let campaignID = Column("campaign_id")
    static let statusID = Column("status_id")
    static let priority = Column("priority")
    /// ",a,b," so a tag is found as ",a,"; empty without tags.
    static let tags = Column("tags")
    static let assigneeID = Column("assignee_id")
    static let partnerID = Column("partner_id")
    static let projectID = Column("project_id")
    static let utmSource = Column("utm_source")
    static let utmMedium = Column("utm_medium")
    static let utmCampaign = Column("utm_campaign")
    static let utmContent = Column("utm_content")
    static let description = Column("description")
    /// A JSON object of name → text.
    static let customAttributes = Column("custom_attributes")

    /// What the lead became and how it got there (`LeadHistory`).
    static let isArchived = Column("is_archived")
    static let duplicateOfID = Column("duplicate_of_id")
    static let touchedAt = Column("touched_at")
    static let accountID = Column("account_id")
    static let contactID = Column("contact_id")
    static let opportunityID = Column("opportunity_id")
    static let qualifiedAt = Column("qualified_at")
    static let disqualifyReason = Column("disqualify_reason")
    static let anonymizedAt = Column("anonymized_at")
    static let apiKeyID = Column("api_key_id")
    static let routingRuleID = Column("routing_rule_id")
    static let routingExplanation = Column("routing_explanation")
    static let splitFilterID = Column("split_filter_id")

    /// "First Last", else the company, else the e-mail (derived).
    static let displayName = Column("display_name")
    static let sortName = Column("sort_name")
    static let searchText = Column("search_text")
}
