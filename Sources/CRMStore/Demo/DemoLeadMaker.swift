import CRMCore
import Foundation

/// Makes plausible, deterministic demo leads: people from the demo corpus at companies or with
/// free-mail addresses, from weighted sources and their campaigns, with UTM fields, scores,
/// values in several currencies, and a status that fits the lead's age (recent leads are mostly
/// new, old ones mostly decided). About one in seventy repeats an earlier lead's e-mail, phone
/// or name and company in another spelling, as people do when they fill in a second form.
struct DemoLeadMaker {
    /// A campaign as leads pick it: which source it belongs to and the days it ran.
    struct Campaign {
        let id: Int64
        let source: String
        let slug: String
        let days: ClosedRange<Int>
    }

    /// What the store needs beyond the draft to insert a made lead.
    struct Made {
        var draft: LeadDraft
        var status: LeadStatus
        var isArchived = false
        var qualifiedAt: Date?
        var disqualifyReason = ""
        /// When set, the lead's first sales activity: its category name and time.
        var activity: (category: String, at: Date)?
        /// A call scheduled after now, so the "call on" view has leads.
        var scheduledCall: Date?
    }

    var people: DemoRecordMaker
    let statuses: [LeadStatusKind: [LeadStatus]]
    let campaigns: [String: [Campaign]]
    let reps: [Int64]
    let partners: [Int64]
    let currencies: [(currency: Currency, weight: Int, perMilleOfEuro: Int64)]
    /// The share of worked leads that get a logged activity (all at small scale).
    let activityChance: Double
    /// Recent drafts, the originals demo duplicates copy from.
    private var recent: [LeadDraft] = []
    /// Company name patterns, parsed once.
    private var patterns: [String: DemoPattern] = [:]
    private let sourcePool: [DemoLeadCorpus.Source]

    init(seed: UInt64, types: DemoRecordMaker.TypeIDs, statuses: [LeadStatus], campaigns: [Campaign],
         reps: [Int64], partners: [Int64], activityChance: Double) throws {
        people = DemoRecordMaker(seed: seed, types: types)
        self.statuses = Dictionary(grouping: statuses, by: \.kind)
        self.campaigns = Dictionary(grouping: campaigns, by: \.source)
        self.reps = reps
        self.partners = partners
        self.activityChance = activityChance
        currencies = try DemoPipelineCorpus.currencies.map { (try Currency(code: $0.code), $0.weight, $0.perMilleOfEuro) }
        sourcePool = DemoLeadCorpus.sources.flatMap { Array(repeating: $0, count: $0.weight) }
    }

    /// A lead received at `created`, `day` days into the demo's history, seen from `now`.
    mutating func lead(created: Date, day: Int, now: Date) -> Made {
        var draft = people.random.chance(0.014) && !recent.isEmpty ? duplicate() : person()
        remember(draft)
        let source = people.random.pick(sourcePool)
        draft.source = source.name
        let campaign = campaigns[source.name]?.filter { $0.days.contains(day) }
        if let campaign, !campaign.isEmpty, people.random.chance(0.7) {
            let chosen = people.random.pick(campaign)
            draft.campaignID = chosen.id
            if source.isOnline { draft.utmCampaign = chosen.slug }
        }
        if source.isOnline {
            draft.utmSource = people.random.pick(source.utmSource)
            draft.utmMedium = people.random.pick(source.utmMedium)
            if people.random.chance(0.5) { draft.utmContent = people.random.pick(DemoLeadCorpus.utmContent) }
        }
        addFigures(to: &draft)
        let ageDays = now.timeIntervalSince(created) / 86_400
        var made = Made(draft: draft, status: status(ageDays: ageDays))
        assign(&made, partnerSource: source.name == "partner", ageDays: ageDays)
        decide(&made, created: created, now: now, ageDays: ageDays)
        return made
    }

    /// A new person, at a company (with its domain and website) or with a free-mail address.
    private mutating func person() -> LeadDraft {
        var draft = LeadDraft()
        let locale = people.random.pick(people.localePool)
        let (first, firstASCII) = people.name(people.random.pick(locale.firstNames))
        let (last, lastASCII) = people.name(people.random.pick(locale.lastNames))
        draft.firstName = first
        draft.lastName = last
        draft.country = locale.country
        if people.random.chance(0.85) {
            let (company, companyASCII) = brandedCompany(locale)
            draft.company = company
            draft.email = "\(firstASCII).\(lastASCII)@\(companyASCII).\(locale.domain)"
            draft.website = people.random.chance(0.6) ? "https://www.\(companyASCII).\(locale.domain)" : ""
            draft.jobTitle = people.random.pick(DemoLocale.jobTitles)
        } else {
            let number = 1 + people.random.next() % 9_999
            draft.email = "\(firstASCII)\(lastASCII)\(number)@\(people.random.pick(DemoLeadCorpus.freeMailDomains))"
        }
        draft.phone = people.phone(locale)
        if people.random.chance(0.4) { draft.mobile = people.phone(locale) }
        return draft
    }

    /// A company of the locale's kind around a made-up brand ("Kavorex Stavby a.s."), and the
    /// ASCII form of its name for its mail domain.
    private mutating func brandedCompany(_ locale: DemoLocale) -> (String, String) {
        let syllables = DemoLeadCorpus.brandSyllables
        let brandASCII = (0..<3).map { _ in people.random.pick(syllables) }.joined()
        let brand = brandASCII.prefix(1).uppercased() + brandASCII.dropFirst()
        let (word, wordASCII) = people.name(people.random.pick(locale.tradeWords))
        let pattern = people.random.pick(locale.companyPatterns)
        let parsed = patterns[pattern] ?? DemoPattern(pattern)
        patterns[pattern] = parsed
        let text = parsed.fill { $0 == "last" ? brand : word }
        let usesWord = pattern.contains("{word}")
        let name = pattern.contains("{last}") ? text : brand + " " + text
        return (name, usesWord ? brandASCII + "-" + wordASCII.lowercased() : brandASCII)
    }

    /// A second form filled in by an earlier lead: the same person with the e-mail or phone
    /// written differently, or only the same name and company.
    private mutating func duplicate() -> LeadDraft {
        let original = people.random.pick(recent)
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.company, draft.country) =
            (original.firstName, original.lastName, original.company, original.country)
        switch people.random.next() % 10 {
        case 0..<5:
            draft.email = original.email.uppercased()
        case 5..<8:
            draft.email = original.email
            let digits = original.phone.filter(\.isNumber)
            draft.phone = "00" + digits.prefix(3) + " " + digits.dropFirst(3)
        default:
            draft.email = "info@" + (original.email.split(separator: "@").last.map(String.init) ?? "example.com")
        }
        return draft
    }

    private mutating func remember(_ draft: LeadDraft) {
        if recent.count < 500 {
            recent.append(draft)
        } else {
            recent[Int(people.random.next() % 500)] = draft
        }
    }

    /// Value, score, priority, tags, description and custom attributes, each on some leads.
    private mutating func addFigures(to draft: inout LeadDraft) {
        if people.random.chance(0.65) {
            let choice = weighted(currencies.map(\.weight))
            let (currency, _, perMille) = currencies[choice]
            let euros = Int64(500 + people.random.next() % 60_000) / 100 * 100
            let whole = euros * perMille / 1_000
            var minor = whole
            for _ in 0..<currency.minorUnits { minor *= 10 }
            draft.value = Money(minorUnits: minor, currency)
        }
        if people.random.chance(0.8) { draft.score = Int(people.random.next() % 1_001) }
        let roll = people.random.next() % 20
        draft.priority = roll < 2 ? .low : roll < 16 ? .normal : roll < 19 ? .high : .urgent
        if people.random.chance(0.3) {
            draft.tags = Array(Set([people.random.pick(DemoLeadCorpus.tags), people.random.pick(DemoLeadCorpus.tags)])).sorted()
        }
        if people.random.chance(0.2) { draft.description = people.random.pick(DemoLeadCorpus.descriptions) }
        if people.random.chance(0.1) { draft.customAttributes = ["company_size": people.random.pick(DemoLeadCorpus.companySizes)] }
    }

    /// New and working for recent leads; older ones are mostly qualified or disqualified.
    private mutating func status(ageDays: Double) -> LeadStatus {
        let roll = Int(people.random.next() % 100)
        let kind: LeadStatusKind
        switch ageDays {
        case ..<2: kind = roll < 80 ? .new : roll < 97 ? .working : roll < 99 ? .qualified : .disqualified
        case ..<30: kind = roll < 45 ? .new : roll < 80 ? .working : roll < 90 ? .qualified : .disqualified
        default: kind = roll < 25 ? .new : roll < 55 ? .working : roll < 72 ? .qualified : .disqualified
        }
        return people.random.pick(statuses[kind] ?? statuses[.new] ?? [])
    }

    /// A rep, a partner (mostly for partner-sourced leads) or the free pool (mostly fresh leads).
    private mutating func assign(_ made: inout Made, partnerSource: Bool, ageDays: Double) {
        if !partners.isEmpty, people.random.chance(partnerSource ? 0.6 : 0.03) {
            made.draft.partnerID = people.random.pick(partners)
        } else if people.random.chance(ageDays < 3 ? 0.4 : 0.08) {
            made.draft.assigneeID = nil
        } else {
            made.draft.assigneeID = people.random.pick(reps)
        }
    }

    /// The qualification or refusal, archiving of old decided leads, the first activity of
    /// worked leads and calls scheduled on fresh open ones.
    private mutating func decide(_ made: inout Made, created: Date, now: Date, ageDays: Double) {
        let later = { (random: inout SplitMix64, maxHours: UInt64) in
            min(created.addingTimeInterval(Double(600 + random.next() % (maxHours * 3_600))), now)
        }
        switch made.status.kind {
        case .qualified:
            made.qualifiedAt = later(&people.random, 20 * 24)
            made.isArchived = ageDays > 180 && people.random.chance(0.5)
        case .disqualified:
            made.disqualifyReason = people.random.pick(DemoLeadCorpus.disqualifyReasons)
            made.isArchived = ageDays > 60 && people.random.chance(0.8)
        case .new, .working:
            break
        }
        let worked = made.status.kind != .new
        if people.random.chance(activityChance * (worked ? 1 : 0.05)) {
            let roll = people.random.next() % 10
            let category = roll < 5 ? "Call" : roll < 8 ? "E-mail" : roll < 9 ? "Meeting" : "Note"
            made.activity = (category, later(&people.random, 72))
        }
        if made.status.kind.isOpen, ageDays < 21, people.random.chance(0.06) {
            let day = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
            let start = day + Double(1 + people.random.next() % 10) * 86_400 + Double(8 * 4 + people.random.next() % 36) * 900
            made.scheduledCall = Date(timeIntervalSince1970: start)
        }
    }

    /// An index chosen with probability proportional to its weight.
    private mutating func weighted(_ weights: [Int]) -> Int {
        var roll = Int(people.random.next() % UInt64(weights.reduce(0, +)))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}
