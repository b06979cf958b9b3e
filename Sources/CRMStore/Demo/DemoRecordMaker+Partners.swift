import CRMCore
import Foundation

extension DemoRecordMaker {
    /// What a consultant needs to know about the partner firm they work for.
    struct PartnerSummary {
        let id: Int64
        let locale: DemoLocale
        let mailDomain: String
    }

    /// A partner firm: number 0 is the demo partner user's firm, the others get distinct
    /// invented names (`taken` holds the names used so far).
    mutating func partner(number: Int, taken: inout Set<String>) -> (draft: PartnerDraft, locale: DemoLocale, mailDomain: String) {
        var name = DemoPipelineCorpus.firstPartner
        while number > 0 && taken.contains(name) {
            name = random.pick(DemoPipelineCorpus.partnerWords) + " " + random.pick(DemoPipelineCorpus.partnerKinds)
        }
        taken.insert(name)
        let locale = random.pick(localePool)
        let domain = SearchText.words(SearchText.fold(name)).joined(separator: "-") + "." + locale.domain
        var draft = PartnerDraft(name: name)
        draft.email = "office@\(domain)"
        draft.phone = phone(locale)
        draft.city = random.pick(locale.cities).0
        draft.country = locale.country
        if random.chance(0.3) {
            draft.note = "Certified for \(random.pick(DemoPipelineCorpus.products).lowercased()); covers \(draft.city) and around."
        }
        return (draft, locale, domain)
    }

    /// A consultant of `partner`: a contact of type "Consultant" without an account.
    mutating func consultant(of partner: PartnerSummary) -> ContactDraft {
        var draft = ContactDraft(typeID: types.consultant)
        let (first, firstASCII) = name(random.pick(partner.locale.firstNames))
        let (last, lastASCII) = name(random.pick(partner.locale.lastNames))
        draft.firstName = first
        draft.lastName = last
        draft.jobTitle = random.pick(DemoPipelineCorpus.consultantTitles)
        draft.email = "\(firstASCII).\(lastASCII)@\(partner.mailDomain)"
        draft.phone = phone(partner.locale)
        draft.mobile = phone(partner.locale)
        return draft
    }
}
