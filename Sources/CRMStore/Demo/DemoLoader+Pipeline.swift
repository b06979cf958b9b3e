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

    /// The projects opportunities are filed under: the subprojects of CRM-enabled projects, or
    /// those projects themselves when they have none.
    ///
    /// Without any CRM-enabled project a "CRM" project with one subproject per region is made
    /// here, so the pipeline always has regions; the demo projects (`DemoProjects`), once loaded
    /// before the pipeline, take over and this fallback is never reached.
    mutating func regionProjectIDs(at moment: Date, by adminID: Int64) throws -> [Int64] {
        let regions = try Int64.fetchAll(db, sql: """
            SELECT id FROM projects WHERE parent_id IN (SELECT id FROM projects WHERE crm_enabled = 1) ORDER BY id
            """)
        if !regions.isEmpty { return regions }
        let roots = try Int64.fetchAll(db, sql: "SELECT id FROM projects WHERE crm_enabled = 1 ORDER BY id")
        if !roots.isEmpty { return roots }
        let root = try insertProject(name: "CRM", identifier: "crm", parentID: nil, at: moment, by: adminID)
        return try DemoPipelineCorpus.regions.map { region in
            let identifier = "crm-" + SearchText.words(SearchText.fold(region)).joined(separator: "-")
            return try insertProject(name: region, identifier: identifier, parentID: root, at: moment, by: adminID)
        }
    }

    private mutating func insertProject(name: String, identifier: String, parentID: Int64?, at moment: Date, by adminID: Int64) throws -> Int64 {
        let time = moment.millisecondsSince1970
        let id = try insert(into: "projects", [
            ("parent_id", parentID), ("name", name), ("identifier", identifier),
            ("description", parentID == nil ? "Sales pipeline of every region." : "Opportunities in \(name)."),
            ("crm_enabled", true), ("created_at", time), ("updated_at", time), ("sort_name", SearchText.fold(name)),
        ])
        try journal.execute(arguments: [time, adminID, EntityKind.project.rawValue, id])
        return id
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
            + [("created_by_id", creator), ("created_at", created.millisecondsSince1970),
               ("updated_at", created.millisecondsSince1970)]
        let id = try insert(into: "partners", columns)
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
            + [("created_by_id", made.ownerID), ("created_at", created), ("updated_at", made.updated.millisecondsSince1970)]
        let id = try insert(into: "opportunities", columns)
        try journal.execute(arguments: [created, made.ownerID, EntityKind.opportunity.rawValue, id])
        return id
    }
}
