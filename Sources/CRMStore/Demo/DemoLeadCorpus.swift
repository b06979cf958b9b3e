/// Words and shares for demo leads: where leads come from, how campaigns are named, why leads
/// are turned down, and the tracking parameters marketing tools attach.
enum DemoLeadCorpus {
    /// A lead source with its share in percent and, for online sources, the UTM source and
    /// mediums its tool sends.
    struct Source {
        let name: String
        let weight: Int
        let utmSource: [String]
        let utmMedium: [String]
        var isOnline: Bool { !utmSource.isEmpty }
    }

    static let sources = [
        Source(name: "web form", weight: 26, utmSource: ["google", "bing", "direct"], utmMedium: ["cpc", "organic"]),
        Source(name: "Mailchimp", weight: 14, utmSource: ["newsletter"], utmMedium: ["email"]),
        Source(name: "HubSpot", weight: 12, utmSource: ["hubspot"], utmMedium: ["email", "landing-page"]),
        Source(name: "LinkedIn", weight: 8, utmSource: ["linkedin"], utmMedium: ["social", "paid-social"]),
        Source(name: "webinar", weight: 7, utmSource: ["webinar"], utmMedium: ["event"]),
        Source(name: "trade fair", weight: 10, utmSource: [], utmMedium: []),
        Source(name: "referral", weight: 9, utmSource: [], utmMedium: []),
        Source(name: "cold call", weight: 8, utmSource: [], utmMedium: []),
        Source(name: "partner", weight: 6, utmSource: [], utmMedium: []),
    ]

    /// Campaign name patterns per source: `{topic}` and `{place}` are filled in, the year follows.
    static let campaignPatterns: [String: [String]] = [
        "web form": ["Search ads — {topic}", "Landing page {topic}"],
        "Mailchimp": ["Newsletter {topic}", "Spring mailing {topic}", "Autumn mailing {topic}"],
        "HubSpot": ["Nurture flow {topic}", "E-book {topic}"],
        "LinkedIn": ["LinkedIn ads — {topic}"],
        "webinar": ["Webinar: {topic}"],
        "trade fair": ["Trade fair {place}", "Expo {place}"],
    ]

    static let campaignPlaces = ["Brno", "Hannover", "Utrecht", "Birmingham", "Lyon", "Valencia", "Osaka", "Vienna"]

    /// Syllables of made-up brand names ("Kavorex"), three to a brand, so lead companies rarely
    /// repeat: the corpus has only a few hundred names per language, and only a nearly unique
    /// company keeps accidental duplicates rare among a million leads (with two-syllable brands
    /// as well, 4 % of the large demo's leads shared a name and company by chance).
    static let brandSyllables = [
        "ka", "vo", "rex", "mi", "lan", "tor", "sa", "ve", "dra", "nol", "be", "ris", "co", "mat", "flu", "xa",
        "pen", "ta", "gro", "vi", "zen", "lu", "mar", "kor", "sel", "da", "tri", "on", "fe", "lix",
    ]

    static let utmContent = ["banner-a", "banner-b", "text-link", "hero", "footer"]

    static let freeMailDomains = ["gmail.com", "outlook.com", "proton.me"]

    static let tags = ["hot", "fair", "newsletter", "enterprise", "smb", "returning", "budget-q1"]

    static let disqualifyReasons = [
        "Too small for our offer", "No budget this year", "Already a customer of a competitor",
        "Student enquiry", "Duplicate of an earlier lead", "Could not be reached after five attempts",
        "Outside our sales regions",
    ]

    static let descriptions = [
        "Asked for a call back about pricing.", "Downloaded the product sheet twice.",
        "Wants a demo for the management team.", "Currently evaluating three vendors.",
        "Met at our stand; interested in a pilot.",
    ]

    static let companySizes = ["1–10", "11–50", "51–200", "201–1000", "1000+"]

    /// Leads received per hour of the day, as relative weights (a working-day curve).
    static let hourWeights = [1, 1, 1, 1, 1, 2, 3, 6, 10, 12, 12, 11, 7, 9, 11, 11, 9, 6, 4, 3, 3, 2, 2, 1]
}
