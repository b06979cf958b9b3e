@testable import CRMApp
import CRMCore
import CRMStore
import XCTest

/// The lead views (LD-2) and the first lead actions (LD-4, LD-8), driven by keys.
final class LeadWorkflowTests: XCTestCase {
    func testCreateALeadThenArchiveItAndFindItInArchived() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        try harness.press("g l n")
        harness.type("Ana")
        try harness.press("Tab")
        harness.type("Bell")
        try harness.press("Tab")
        harness.type("Kestrel Ltd")
        try harness.press("F2")
        harness.assertShows("Created “Ana Bell”")
        harness.assertShows("Kestrel Ltd")
        try harness.press("Home X")
        harness.assertShows("Archived “Ana Bell”")
        harness.assertHides("Kestrel Ltd")
        for _ in 0..<6 { try harness.press("Tab") }
        harness.assertShows("Leads › Archived")
        harness.assertShows("Kestrel Ltd")
        let leads = harness.database.leads(actingAs: harness.user)
        XCTAssertEqual(try leads.page(LeadQuery(view: .archived), .first, limit: 1).map(\.displayName), ["Ana Bell"],
                       "the newest archived lead")
    }

    /// Editing a lead that another user changes meanwhile (ST-7): the save stops with their
    /// value shown beside the input, nothing of either is lost, and the user's choice is saved.
    func testAnEditRacingAnotherUsersSaveIsRefusedThenSavedKnowingly() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let leads = harness.database.leads(actingAs: harness.user)
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.company) = ("Ana", "Bell", "Kestrel Ltd")
        let lead = try leads.create(draft)
        try harness.press("g l Home e C-u")  // the first field: first name
        harness.type("Anna")
        let jan = try XCTUnwrap(harness.database.users.find(login: "jan.novak"))
        var theirs = lead.fields
        theirs.firstName = "Ann"
        _ = try harness.database.leads(actingAs: jan).update(id: lead.id, with: theirs, expectedVersion: lead.version)
        try harness.press("C-s")
        harness.assertShows("Someone else saved this lead meanwhile")
        harness.assertShows("someone else saved: Ann")
        XCTAssertEqual(try leads.get(id: lead.id).firstName, "Ann")
        try harness.press("Enter Enter C-s")
        XCTAssertEqual(try leads.get(id: lead.id).firstName, "Anna")
        XCTAssertEqual(try leads.get(id: lead.id).company, "Kestrel Ltd")
    }

    /// Closing goes through `Q` and `d`: the form offers open statuses (and the lead's own), a
    /// qualified lead only its own, and `d` on a qualified lead says why before any form opens;
    /// the closed lead is found in the Closed view.
    func testTheFormCannotCloseALeadAndAQualifiedOneIsNotDisqualified() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let leads = harness.database.leads(actingAs: harness.user)
        let statuses = try harness.database.leadStatuses.list()
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.company) = ("Ana", "Bell", "Kestrel Ltd")
        let open = try leads.create(draft)
        XCTAssertEqual(LeadForm.statusChoices(for: open.fields.statusID, session: harness.app.session).map(\.title),
                       statuses.filter(\.kind.isOpen).map(\.name))
        let plan = try leads.qualificationPlan(id: open.id)
        let qualified = try leads.qualify(id: open.id, expectedVersion: open.version,
                                          LeadQualification(opportunity: plan.opportunity, account: .fromLead, contact: .fromLead))
        XCTAssertEqual(LeadForm.statusChoices(for: qualified.fields.statusID, session: harness.app.session).map(\.title),
                       [qualified.statusName])
        try harness.press("g l v j j j j j j j Enter")  // the eighth view
        harness.assertShows("Leads › Closed")
        try harness.press("Home d")
        harness.assertShows("“Ana Bell” was qualified; it cannot be disqualified any more.")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Closed", "no form opened")
    }

    /// While the typed filter does not compile, the rows are those of the last filter that
    /// worked, and an empty list says so instead of quoting the broken text.
    func testAnEmptyListUnderABrokenFilterSaysWhichFilterItShows() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l /")
        harness.type("score")
        harness.assertShows("No leads match “score”.")
        harness.type(">abc")
        harness.assertShows("No leads match the last filter that worked.")
        harness.assertHides("No leads match “score>abc”")
    }

    /// `s` starts each sort in its natural direction: names A to Z, dates newest first.
    func testEachSortStartsInItsNaturalDirection() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l")
        harness.assertShows("Received ▼")
        try harness.press("s")
        harness.assertShows("Name ▲")
        try harness.press("s")
        harness.assertShows("Received ▼")
    }

    /// A ticked column the width has no room for is marked so in the column chooser, instead of
    /// silently missing from the table.
    func testTheColumnChooserSaysWhichTickedColumnsHaveNoRoom() throws {
        let narrow = try AppHarness(columns: 80, rows: 24)
        try narrow.press("g l C")
        narrow.assertShows("[x] Value — no room at this width")
        narrow.assertShows("[x] Source                ")
        let wide = try AppHarness(columns: 200, rows: 40)
        try wide.press("g l C")
        wide.assertHides("no room")
    }

    /// Text past a field's limit (a long paste) is not cut off silently.
    func testTypingPastAFieldsLimitSaysSo() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l n")
        harness.type(String(repeating: "a", count: 200))
        harness.assertHides("takes at most")
        harness.type("bcd")
        harness.assertShows("First name takes at most 200 characters; the rest was not typed")
    }

    func testALeadWithoutNameCompanyOrEmailIsRefusedInPlace() throws {
        let harness = try AppHarness(columns: 120, rows: 30)
        let before = try harness.database.leads(actingAs: harness.user).count(LeadQuery()).value
        try harness.press("g l n F2")
        harness.assertShows("A lead needs a name, a company or an e-mail.")
        XCTAssertEqual(try harness.database.leads(actingAs: harness.user).count(LeadQuery()).value, before)
    }
}

/// The new-lead form leaves the assignee to the lead rules (LP-3) and offers the campaign,
/// project and partner a typed-in lead may belong to.
final class NewLeadFormTests: XCTestCase {
    func testANewLeadGoesWhereTheRulesSendItUnlessSomeoneIsPicked() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let jan = try XCTUnwrap(harness.database.users.find(login: "jan.novak"))
        _ = try harness.database.leadRules(actingAs: harness.user).create(
            LeadRule(name: "Kestrel to Jan", conditions: [.contains(.company, "kestrel")], outcome: .assignee(jan.id)))
        try harness.press("g l n")
        harness.assertShows("by the lead rules")
        harness.assertShows("Campaign")
        harness.assertShows("Project")
        harness.assertShows("Partner")
        try harness.press("Tab Tab")
        harness.type("Kestrel Ltd")
        try harness.press("F2")
        harness.assertShows("routed: Rule 1 ‘Kestrel to Jan’")
        let lead = try XCTUnwrap(harness.database.leads(actingAs: nil).page(LeadQuery(view: .all), .first, limit: 1).first)
        XCTAssertEqual(lead.company, "Kestrel Ltd")
        XCTAssertEqual(lead.assigneeID, jan.id, "the form filled in its own user and the rules never ran")
    }

    func testTheCampaignProjectAndPartnerPickedAreSaved() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        let names = harness.database.names
        let campaign = try XCTUnwrap(names.find(.campaigns, matching: "").first)
        let project = try XCTUnwrap(names.find(.projects, matching: "").first)
        let partner = try XCTUnwrap(names.find(.partners, matching: "").first)
        try harness.press("g l n Tab Tab")
        harness.type("Osprey Ltd")
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        for (label, name) in [("Campaign", campaign.name), ("Project", project.name), ("Partner", partner.name)] {
            while form.fields[form.focus].label != label { try harness.press("Tab") }
            try harness.press("Enter")
            harness.type(String(name.prefix(6)))
            try harness.press("Enter")
            XCTAssertEqual(form.fields[form.focus].displayValue, name, label)
        }
        try harness.press("F2")
        let lead = try XCTUnwrap(harness.database.leads(actingAs: nil).page(LeadQuery(view: .all), .first, limit: 1).first)
        XCTAssertEqual(lead.company, "Osprey Ltd")
        XCTAssertEqual(lead.campaignID, campaign.id)
        XCTAssertEqual(lead.projectID, project.id)
        XCTAssertEqual(lead.partnerID, partner.id)
    }
}

/// Row actions on a lead someone else saved meanwhile (ST-7): made on their version when they
/// left the changed field alone, refused when they changed it too.
final class LeadRowActionConflictTests: XCTestCase {
    /// A new lead shown first in the lead list, and the repository and the colleague to race.
    private func leadOnScreen() throws -> (AppHarness, LeadRepository, Lead, User) {
        let harness = try AppHarness(columns: 120, rows: 40)
        let leads = harness.database.leads(actingAs: harness.user)
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.company) = ("Ana", "Bell", "Aardwolf Ltd")
        let lead = try leads.create(draft)
        try harness.press("g l Home")
        harness.assertShows("Aardwolf Ltd")
        return (harness, leads, lead, try XCTUnwrap(harness.database.users.find(login: "jan.novak")))
    }

    func testArchivingALeadSomeoneElseJustEditedKeepsTheirEdit() throws {
        let (harness, leads, lead, jan) = try leadOnScreen()
        var theirs = lead.fields
        theirs.phone = "+420 600 100 200"
        _ = try harness.database.leads(actingAs: jan).update(id: lead.id, with: theirs, expectedVersion: lead.version)
        try harness.press("X")
        XCTAssertTrue(harness.statusLine.contains("Archived “Ana Bell”"), harness.statusLine)
        let stored = try leads.get(id: lead.id)
        XCTAssertTrue(stored.isArchived)
        XCTAssertEqual(stored.phone, "+420 600 100 200")
    }

    func testArchivingALeadSomeoneElseJustArchivedIsRefused() throws {
        let (harness, leads, lead, jan) = try leadOnScreen()
        _ = try harness.database.leads(actingAs: jan).setArchived(true, id: lead.id, expectedVersion: lead.version)
        try harness.press("X")
        XCTAssertFalse(harness.statusLine.contains("Archived “Ana Bell”"), harness.statusLine)
        XCTAssertTrue(try leads.get(id: lead.id).isArchived, "still archived, once")
    }
}
