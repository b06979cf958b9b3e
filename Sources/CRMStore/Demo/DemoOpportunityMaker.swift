import CRMCore
import Foundation

/// Makes plausible, deterministic demo opportunities around one day: more in the early
/// statuses than near the end, more lost than won, amounts in several currencies, close dates
/// from half a year back to a year ahead. Every opportunity fills what its status requires;
/// closed ones closed on their expected day, lost ones for one of the lost reasons.
struct DemoOpportunityMaker {
    /// A made opportunity with what its row copies from its account.
    struct Made {
        var draft: OpportunityDraft
        var account: DemoRecordMaker.AccountSummary?
        var status: OpportunityStatus
        /// Who owns it, and entered it.
        var ownerID: Int64
        /// When it was entered and last changed, before `day`.
        var created: Date
        var updated: Date
    }

    /// What an opportunity may point to.
    struct Targets {
        let accounts: [DemoRecordMaker.AccountSummary]
        /// A contact of each account (same index), if it has any.
        let contactOfAccount: [Int64?]
        let partners: [Int64]
        let projects: [Int64]
        let owners: [Int64]
    }

    var random: SplitMix64
    /// The day the pipeline is seen from (its "today").
    let day: CalendarDate
    private let moment: Date
    private let statusPool: [OpportunityStatus]
    private let lostReasons: [Int64]
    private let namePatterns = DemoPipelineCorpus.namePatterns.map(DemoPattern.init)
    private let leadPatterns = DemoPipelineCorpus.leadPatterns.map(DemoPattern.init)
    private let currencyPool: [(currency: Currency, perMilleOfEuro: Int64)]
    /// `day` moved by -183…+365 days, computed once: `closeDays[183 + offset]`.
    private let closeDays: [CalendarDate]
    private static let daysBack = 183

    /// `day` is the UTC calendar day that starts at `moment`.
    init(seed: UInt64, statuses: [OpportunityStatus], lostReasons: [Int64], day: CalendarDate, moment: Date) throws {
        random = SplitMix64(seed: seed)
        self.lostReasons = lostReasons
        self.day = day
        self.moment = moment
        statusPool = Self.weighted(statuses)
        currencyPool = try DemoPipelineCorpus.currencies.flatMap { code, weight, perMille in
            Array(repeating: (try Currency(code: code), perMille), count: weight)
        }
        closeDays = (-Self.daysBack...365).map { day.adding(days: $0) }
    }

    /// Open statuses take shares falling with their position (a funnel); lost deals outnumber
    /// won ones, as in most sales teams.
    private static func weighted(_ statuses: [OpportunityStatus]) -> [OpportunityStatus] {
        var openSeen = 0
        return statuses.sorted { $0.position < $1.position }.flatMap { status -> [OpportunityStatus] in
            let weight: Int
            switch status.kind {
            case .open:
                weight = max(4, 28 - 7 * openSeen)
                openSeen += 1
            case .won: weight = 9
            case .lost: weight = 14
            }
            return Array(repeating: status, count: weight)
        }
    }

    mutating func opportunity(_ targets: Targets) throws -> Made {
        let status = random.pick(statusPool)
        let required = Set(status.requiredFields)
        var draft = OpportunityDraft(name: "", statusID: status.id)
        let needsContact = required.contains(.contactID)
        var account: DemoRecordMaker.AccountSummary?
        var contact: Int64?
        if needsContact || required.contains(.accountID) || random.chance(0.9) {
            var index = Int(random.next() % UInt64(targets.accounts.count))
            while needsContact && targets.contactOfAccount[index] == nil {
                index = (index + 1) % targets.accounts.count
            }
            account = targets.accounts[index]
            contact = targets.contactOfAccount[index]
        }
        draft.accountID = account?.id
        draft.contactID = needsContact || random.chance(0.65) ? contact : nil
        // Only a private account's creator sees it, so they own its deals.
        let owner = account.flatMap { $0.isPrivate ? $0.creatorID : nil } ?? random.pick(targets.owners)
        draft.ownerID = owner
        if required.contains(.amount) || random.chance(0.85) {
            draft.amount = amount()
        }
        let isClosed = status.kind != .open
        var closeOffset: Int?
        // Closed deals closed in the last half year; open ones are due from a month ago
        // (overdue) to a year ahead.
        if isClosed || required.contains(.expectedClose) || random.chance(0.85) {
            let offset = isClosed ? -1 - Int(random.next() % UInt64(Self.daysBack)) : -30 + Int(random.next() % 396)
            draft.expectedClose = closeDays[Self.daysBack + offset]
            closeOffset = offset
        }
        if isClosed {
            // Derived from the close day, not drawn from the generator, so every other demo value stays.
            draft.closedOn = draft.expectedClose
            if status.kind == .lost, !lostReasons.isEmpty {
                draft.lostReasonID = lostReasons[Int((closeOffset ?? 0).magnitude) % lostReasons.count]
            }
        }
        if !targets.projects.isEmpty { draft.projectID = random.pick(targets.projects) }
        if !targets.partners.isEmpty, required.contains(.partnerID) || random.chance(0.1) {
            draft.partnerID = random.pick(targets.partners)
        }
        if status.kind == .open, random.chance(0.15) {
            draft.probability = min(95, max(5, status.probability + Int(random.next() % 21) - 10))
        }
        if required.contains(.description) || random.chance(0.2) {
            draft.description = random.pick(DemoPipelineCorpus.descriptions)
        }
        draft.name = name(account: account?.displayName, close: draft.expectedClose)
        let missing = draft.missingFields(for: status)
        guard missing.isEmpty else {
            throw RuleViolationError(
                "The demo cannot fill \(missing.map(\.spec.label).joined(separator: ", ")) required by \"\(status.name)\".")
        }
        let created = created(closeOffset: closeOffset)
        let updated = min(created.addingTimeInterval(Double(random.next() % (60 * 86_400))), moment)
        return Made(draft: draft, account: account, status: status, ownerID: owner, created: created, updated: updated)
    }

    /// Mostly small deals, some medium, a few large, in euros scaled to the currency; about one
    /// in five has cents.
    private mutating func amount() -> Money {
        let (currency, perMille) = random.pick(currencyPool)
        let tier = random.next() % 10
        let euros: Int64 = switch tier {
        case 0..<6: 1_000 + Int64(random.next() % 24_000)
        case 6..<9: 25_000 + Int64(random.next() % 125_000)
        default: 150_000 + Int64(random.next() % 750_000)
        }
        let roundTo: Int64 = perMille >= 10_000 ? 1_000 : 50
        var major = euros * perMille / 1_000 / roundTo * roundTo
        major = max(major, roundTo)
        var minor = major
        for _ in 0..<currency.minorUnits { minor *= 10 }
        if currency.minorUnits > 0, random.chance(0.2) {
            minor += Int64(random.next() % 100)
        }
        return Money(minorUnits: minor, currency)
    }

    private mutating func name(account: String?, close: CalendarDate?) -> String {
        let product = random.pick(DemoPipelineCorpus.products)
        let pattern = random.pick(account == nil ? leadPatterns : namePatterns)
        return pattern.fill { slot in
            switch slot {
            case "product": product
            case "account": account ?? ""
            default: String((close ?? day).year + 1)
            }
        }
    }

    /// Entered two weeks to nine months before its close date (`closeOffset` days from `day`)
    /// or before `day`, whichever is earlier.
    private mutating func created(closeOffset: Int?) -> Date {
        let lead = Double(14 + random.next() % 260) * 86_400
        let latest = moment.addingTimeInterval(Double(min(closeOffset ?? 0, 0)) * 86_400)
        return latest.addingTimeInterval(-lead - Double(random.next() % 86_400))
    }
}
