import Foundation

/// The mappings shipped with intake, for the shapes marketing tools actually post; an API key
/// starts from one of them.
extension LeadFieldMapping {
    /// A plain JSON or HTML form with the common spellings (`first_name`, `firstName`, `fname`, …).
    public static let generic = LeadFieldMapping(name: "Generic form", targets: [
        "first_name": .field(.firstName), "firstName": .field(.firstName), "fname": .field(.firstName),
        "last_name": .field(.lastName), "lastName": .field(.lastName), "lname": .field(.lastName),
        "surname": .field(.lastName),
        "email": .field(.email), "e-mail": .field(.email), "email_address": .field(.email),
        "phone": .field(.phone), "phone_number": .field(.phone), "telephone": .field(.phone),
        "mobile": .field(.mobile), "mobile_phone": .field(.mobile),
        "company": .field(.company), "company_name": .field(.company), "organization": .field(.company),
        "job_title": .field(.jobTitle), "jobTitle": .field(.jobTitle), "position": .field(.jobTitle),
        "website": .field(.website), "url": .field(.website),
        "country": .field(.country),
        "value": .field(.value), "currency": .currency,
        "score": .field(.score), "priority": .field(.priority),
        "source": .field(.source),
        "utm_source": .field(.utmSource), "utmSource": .field(.utmSource),
        "utm_medium": .field(.utmMedium), "utmMedium": .field(.utmMedium),
        "utm_campaign": .field(.utmCampaign), "utmCampaign": .field(.utmCampaign),
        "utm_content": .field(.utmContent), "utmContent": .field(.utmContent),
        "description": .field(.description), "message": .field(.description), "note": .field(.description),
        "tags": .field(.tags),
    ])

    /// Mailchimp's audience webhook, form-encoded as `data[merges][FNAME]=…`. The envelope
    /// (`type`, `fired_at`, address flags) is dropped; the list and subscriber ids stay as
    /// custom attributes.
    public static let mailchimp = LeadFieldMapping(name: "Mailchimp", targets: [
        "data.merges.EMAIL": .field(.email), "data.email": .field(.email),
        "data.merges.FNAME": .field(.firstName), "data.merges.LNAME": .field(.lastName),
        "data.merges.PHONE": .field(.phone), "data.merges.COMPANY": .field(.company),
        "data.merges.INTERESTS": .field(.tags),
        "type": .ignored, "fired_at": .ignored, "data.email_type": .ignored, "data.ip_opt": .ignored,
        "data.ip_signup": .ignored, "data.web_id": .ignored,
    ])

    /// A HubSpot-style contact object, `{"properties": {"firstname": …}}`.
    public static let hubspot = LeadFieldMapping(name: "HubSpot", targets: [
        "properties.firstname": .field(.firstName), "properties.lastname": .field(.lastName),
        "properties.email": .field(.email), "properties.phone": .field(.phone),
        "properties.mobilephone": .field(.mobile), "properties.company": .field(.company),
        "properties.jobtitle": .field(.jobTitle), "properties.website": .field(.website),
        "properties.country": .field(.country), "properties.hubspotscore": .field(.score),
        "properties.hs_analytics_source": .field(.source), "properties.message": .field(.description),
        "properties.utm_source": .field(.utmSource), "properties.utm_medium": .field(.utmMedium),
        "properties.utm_campaign": .field(.utmCampaign), "properties.utm_content": .field(.utmContent),
    ])
}
