import CRMCore
import Foundation
import GRDB

extension DemoLoader {
    /// Stores the demo exchange rates with the same code and text format as the money settings;
    /// returns how many.
    func insertExchangeRates(at moment: Date, by adminID: Int64) throws -> Int {
        for (code, text, from) in DemoPipelineCorpus.rates {
            guard let day = CalendarDate(parsing: from) else { preconditionFailure("bad demo rate date \(from)") }
            let (stored, _) = try MoneySettingsRepository.store(db, try DecimalText.parse(text), for: Currency(code: code), from: day)
            try journal.execute(arguments: [moment.millisecondsSince1970, adminID, EntityKind.exchangeRate.rawValue, stored.id])
        }
        return DemoPipelineCorpus.rates.count
    }

    /// Inserts partner `number` with one to three consultants; returns its id and the number
    /// of consultants.
    mutating func insertPartner(
        number: Int, taken: inout Set<String>, creators: [Int64], reference: Date
    ) throws -> (id: Int64, consultants: Int) {
        let (draft, locale, domain) = maker.partner(number: number, taken: &taken)
        let creator = maker.random.pick(creators)
        let created = maker.moment(before: reference)
        let columns = PartnerColumns.fields(draft) + PartnerColumns.derived(draft)
            + [(RecordColumns.createdByID, creator), (RecordColumns.createdAt, created.millisecondsSince1970),
               (RecordColumns.updatedAt, created.millisecondsSince1970)]
        let id = try insert(into: PartnerTable.name, columns)
        try journal.execute(arguments: [created.millisecondsSince1970, creator, EntityKind.partner.rawValue, id])
        let partner = DemoRecordMaker.PartnerSummary(id: id, locale: locale, mailDomain: domain)
        let consultants = 1 + Int(maker.random.next() % 3)
        for _ in 0..<consultants {
            try insertContact(
                maker.consultant(of: partner), link: .none, partnerID: id, creator: creator,
                created: min(created.addingTimeInterval(Double(maker.random.next() % (30 * 86_400))), reference))
        }
        return (id, consultants)
    }

    /// Inserts a made opportunity, computing its derived columns with the repository's code at
    /// `rates`.
    mutating func insertOpportunity(_ made: DemoOpportunityMaker.Made, rates: ExchangeRateTable) throws -> Int64 {
        let created = made.created.millisecondsSince1970
        let columns = OpportunityColumns.fields(made.draft)
            + OpportunityColumns.derived(made.draft, ContactColumns.AccountLink(made.account), rates: rates)
            + [(RecordColumns.createdByID, made.ownerID), (RecordColumns.createdAt, created),
               (RecordColumns.updatedAt, made.updated.millisecondsSince1970)]
        let id = try insert(into: OpportunityTable.name, columns)
        try journal.execute(arguments: [created, made.ownerID, EntityKind.opportunity.rawValue, id])
        return id
    }
}
