import CRMCore
import Foundation
import GRDB

extension DemoDataGenerator {
    /// The day the demo pipeline is seen from: close dates lie around it and the exchange rates
    /// in effect on it are those in effect today, so amounts sort as a save would sort them.
    static let pipelineDay = CalendarDate(year: 2026, month: 11, day: 1)!
    /// The start of `pipelineDay` (UTC).
    static let pipelineMoment = Date(timeIntervalSince1970: 1_793_491_200)

    /// What the pipeline phases made; the tasks and sales activities of the demo attach to it.
    struct Pipeline {
        var exchangeRates = 0
        var projectIDs: [Int64] = []
        var partnerIDs: [Int64] = []
        var consultants = 0
        var opportunities: [OpportunitySummary] = []
    }

    /// One demo opportunity, as far as its follow-ups (tasks, activities) need it.
    struct OpportunitySummary {
        let id: Int64
        let ownerID: Int64
        let accountID: Int64?
        let contactID: Int64?
        let projectID: Int64?
        let isOpen: Bool
        let expectedClose: CalendarDate?
    }

    /// Exchange rates, region projects, partners with consultants and the opportunities, after
    /// the accounts and contacts (whose generation stays untouched by it).
    func generatePipeline(
        _ loader: inout DemoLoader, adminID: Int64, reps: [Int64], accounts: [DemoRecordMaker.AccountSummary],
        contactOfAccount: [Int64?], progress: (String, Double) -> Void
    ) throws -> Pipeline {
        var pipeline = Pipeline()
        let db = loader.db
        progress("Exchange rates", 0)
        pipeline.exchangeRates = try loader.insertExchangeRates(at: Self.reference, by: adminID)
        pipeline.projectIDs = try DemoProjects.insertProjects(db, at: Self.reference)

        var taken: Set<String> = []
        for number in 0..<scale.partners {
            progress("Partners", Double(number) / Double(scale.partners))
            let (id, consultants) = try loader.insertPartner(number: number, taken: &taken, creators: reps, reference: Self.reference)
            pipeline.partnerIDs.append(id)
            pipeline.consultants += consultants
        }

        var maker = try DemoOpportunityMaker(
            seed: seed ^ 0x4F50_504F_5254, statuses: OpportunityStatusRepository.list(db),
            lostReasons: Int64.fetchAll(db, sql: "SELECT id FROM lost_reasons ORDER BY position, id"), day: Self.pipelineDay,
            moment: Self.pipelineMoment)
        let rates = try MoneySettingsRepository.table(db, on: Self.pipelineDay)
        let targets = DemoOpportunityMaker.Targets(
            accounts: accounts, contactOfAccount: contactOfAccount, partners: pipeline.partnerIDs,
            projects: pipeline.projectIDs, owners: reps)
        pipeline.opportunities.reserveCapacity(scale.opportunities)
        for number in 0..<scale.opportunities {
            if number % 1_000 == 0 { progress("Opportunities", Double(number) / Double(scale.opportunities)) }
            let made = try maker.opportunity(targets)
            let id = try loader.insertOpportunity(made, rates: rates)
            pipeline.opportunities.append(OpportunitySummary(
                id: id, ownerID: made.ownerID, accountID: made.draft.accountID, contactID: made.draft.contactID,
                projectID: made.draft.projectID, isOpen: made.status.kind == .open, expectedClose: made.draft.expectedClose))
        }
        return pipeline
    }
}
