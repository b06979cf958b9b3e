import CRMCore
import Foundation

/// Makes plausible, deterministic demo accounts and contacts from a seeded generator.
struct DemoRecordMaker {
    /// What a contact needs to know about the account it belongs to.
    struct AccountSummary {
        let id: Int64
        let locale: DemoLocale
        let mailDomain: String
        let isPrivate: Bool
        let creatorID: Int64
        let displayName: String
    }

    /// The ids of the seeded types.
    struct TypeIDs {
        let person: Int64, company: Int64, account: Int64
        let employee: Int64, consultant: Int64, other: Int64
    }

    var random: SplitMix64
    let types: TypeIDs
    /// Locales repeated by their weight, to pick from.
    let localePool: [DemoLocale]
    /// Each corpus entry split into its text and ASCII form, computed once.
    private var names: [String: (String, String)] = [:]
    /// Each company name pattern, parsed once.
    private var patterns: [String: DemoPattern] = [:]

    init(seed: UInt64, types: TypeIDs) {
        random = SplitMix64(seed: seed)
        self.types = types
        localePool = DemoLocale.all.flatMap { locale in Array(repeating: locale, count: locale.weight) }
        for locale in DemoLocale.all {
            for entry in locale.firstNames + locale.lastNames + locale.tradeWords {
                names[entry] = Self.split(entry)
            }
            for pattern in locale.companyPatterns {
                patterns[pattern] = DemoPattern(pattern)
            }
        }
    }

    /// A new account draft and the e-mail domain its contacts use.
    mutating func account() -> (draft: AccountDraft, locale: DemoLocale, mailDomain: String) {
        let locale = random.pick(localePool)
        let roll = random.next() % 10
        var draft = AccountDraft(typeID: roll < 3 ? types.person : roll < 9 ? types.company : types.account)
        var domain: String
        if draft.typeID == types.person {
            let (first, firstASCII) = name(random.pick(locale.firstNames))
            let (last, lastASCII) = name(random.pick(locale.lastNames))
            draft.firstName = first
            draft.lastName = last
            domain = "mail." + locale.domain
            draft.email = "\(firstASCII).\(lastASCII)@\(domain)"
        } else {
            let (company, companyASCII) = companyName(locale)
            draft.name = company
            domain = companyASCII + "." + locale.domain
            draft.email = "info@\(domain)"
        }
        let (city, postcodePattern) = random.pick(locale.cities)
        draft.city = city
        draft.postcode = String(postcodePattern.map { $0 == "#" ? Character(random.digits(1)) : $0 })
        draft.street = "\(random.pick(locale.streets)) \(1 + random.next() % 180)"
        draft.country = locale.country
        draft.phone = phone(locale)
        draft.industry = random.pick(DemoLocale.industries)
        draft.registrationNumber = random.digits(8)
        draft.vatNumber = draft.typeID == types.person ? "" : String(locale.domain.suffix(2)).uppercased() + random.digits(9)
        draft.isKeyAccount = random.chance(0.05)
        if draft.typeID != types.person {
            addFigures(to: &draft, locale: locale)
        }
        if random.chance(0.02) {
            draft.note = "Met at the \(city) trade fair; prefers e-mail."
        }
        return (draft, locale, domain)
    }

    /// Head count, revenue in the country's currency and a customer-since date for organisations.
    private mutating func addFigures(to draft: inout AccountDraft, locale: DemoLocale) {
        let employees = 2 + Int(random.next() % 400) * Int(1 + random.next() % 12)
        draft.employees = employees
        let code: String
        switch locale.domain.suffix(2) {
        case "cz": code = "CZK"
        case "uk": code = "GBP"
        case "jp": code = "JPY"
        default: code = "EUR"
        }
        let perHead: Decimal = code == "CZK" ? 2_500_000 : code == "JPY" ? 15_000_000 : 100_000
        let cents = Decimal(Int(random.next() % 100)) / 100
        if let currency = try? Currency(code: code) {
            draft.annualRevenue = Money(perHead * Decimal(employees) + cents, currency).rounded()
        }
        draft.customerSince = CalendarDate(year: 2008 + Int(random.next() % 18), month: 1 + Int(random.next() % 12),
                                           day: 1 + Int(random.next() % 28))
    }

    /// A new contact working for `account` (or for no account).
    mutating func contact(of account: AccountSummary?) -> ContactDraft {
        let locale = account?.locale ?? random.pick(localePool)
        let roll = random.next() % 20
        var draft = ContactDraft(
            typeID: roll < 17 ? types.employee : roll < 19 ? types.consultant : types.other, accountID: account?.id)
        let (first, firstASCII) = name(random.pick(locale.firstNames))
        let (last, lastASCII) = name(random.pick(locale.lastNames))
        draft.firstName = first
        draft.lastName = last
        draft.jobTitle = random.pick(DemoLocale.jobTitles)
        draft.email = "\(firstASCII).\(lastASCII)@\(account?.mailDomain ?? "mail." + locale.domain)"
        draft.phone = phone(locale)
        draft.mobile = phone(locale)
        if random.chance(0.2) {
            draft.messenger = "\(random.pick(DemoLocale.messengers)): \(draft.mobile)"
        }
        return draft
    }

    /// A time within the three years before `reference`.
    mutating func moment(before reference: Date) -> Date {
        reference.addingTimeInterval(-Double(random.next() % (3 * 365 * 86_400)))
    }

    mutating func phone(_ locale: DemoLocale) -> String {
        "\(locale.phonePrefix) \(random.digits(3)) \(random.digits(3)) \(random.digits(3))"
    }

    private mutating func companyName(_ locale: DemoLocale) -> (String, String) {
        let (last, lastASCII) = name(random.pick(locale.lastNames))
        let (word, wordASCII) = name(random.pick(locale.tradeWords))
        let pattern = random.pick(locale.companyPatterns)
        let text = (patterns[pattern] ?? DemoPattern(pattern)).fill { $0 == "last" ? last : word }
        let patternWord = text.contains(word) ? wordASCII : ""
        let ascii = [patternWord, text.contains(last) ? lastASCII : ""].filter { !$0.isEmpty }.joined(separator: "-")
        return (text, ascii.isEmpty ? "company" : ascii)
    }

    /// The text of a corpus entry and an ASCII form for e-mail addresses.
    func name(_ entry: String) -> (String, String) {
        names[entry] ?? Self.split(entry)
    }

    private static func split(_ entry: String) -> (String, String) {
        let parts = entry.split(separator: ":", maxSplits: 1)
        if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        let ascii = SearchText.words(SearchText.fold(entry)).joined()
        return (entry, ascii)
    }
}

extension ContactColumns.AccountLink {
    /// What a demo contact or opportunity copies from its demo account, if any.
    init(_ account: DemoRecordMaker.AccountSummary?) {
        self.init(name: account?.displayName, privateOwnerID: account.flatMap { $0.isPrivate ? $0.creatorID : nil })
    }
}
