import CRMCore
import CRMStore
import Foundation
import XCTest

/// Projects and tasks added to the harness's demo database through the public repositories:
/// a CRM project with two regions and six tasks over three demo accounts.
enum TaskScenario {
    struct Seeded {
        let crm: Project
        let dach: Project
        let accounts: [Account]
    }

    @discardableResult
    static func seed(_ harness: AppHarness) throws -> Seeded {
        let projects = harness.database.projects(actingAs: harness.user)
        var crmDraft = ProjectDraft(name: "CRM", identifier: "crm")
        crmDraft.crmEnabled = true
        let crm = try projects.create(crmDraft)
        var dachDraft = ProjectDraft(name: "CRM — DACH", identifier: "crm-dach", parentID: crm.id)
        dachDraft.crmEnabled = true
        let dach = try projects.create(dachDraft)
        var beneluxDraft = ProjectDraft(name: "CRM — Benelux", identifier: "crm-benelux", parentID: crm.id)
        beneluxDraft.includeSubprojects = false
        let benelux = try projects.create(beneluxDraft)
        _ = try projects.create(ProjectDraft(name: "Internal IT", identifier: "it"))
        let accounts = try harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 3)
        let jan = try XCTUnwrap(harness.database.users.find(login: "jan.novak"))
        let tasks = harness.database.tasks(actingAs: harness.user)
        let rows: [(String, String?, Project, [Account], TaskStatus, User?)] = [
            ("Send the quote", "2026-11-20", dach, [accounts[0]], .new, jan),
            ("Prepare the demo", "2026-11-25", dach, [accounts[1]], .inProgress, harness.user),
            ("Call about the renewal", "2026-12-01", crm, [accounts[0], accounts[1]], .waiting, jan),
            ("Plan the quarterly review", nil, crm, [], .new, nil),
            ("Check the contract terms", "2026-11-18", benelux, [accounts[2]], .done, harness.user),
            ("Invite to the webinar", "2026-12-10", benelux, [accounts[1]], .new, jan),
        ]
        for (subject, due, project, related, status, assignee) in rows {
            var draft = TaskDraft(subject: subject, projectID: project.id)
            draft.dueDate = due.flatMap(CalendarDate.init(parsing:))
            draft.status = status
            draft.assigneeID = assignee?.id
            _ = try tasks.create(draft, relatedTo: related.map { .account($0.id) })
        }
        return Seeded(crm: crm, dach: dach, accounts: accounts)
    }
}
