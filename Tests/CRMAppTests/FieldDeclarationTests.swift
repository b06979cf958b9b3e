import CRMCore
@testable import CRMApp
import CRMStore
import XCTest

/// A record's fields are declared once (`DeclaredField`): the form, the history and the filter
/// language show what the declaration says, so a label or a filter name changes in one place.
final class FieldDeclarationTests: XCTestCase {
    func testTheAccountFormHistoryAndFilterUseTheAccountDeclarations() throws {
        let harness = try AppHarness()
        let accounts = harness.database.accounts(actingAs: harness.user)
        let account = try XCTUnwrap(accounts.page(AccountQuery(), .first, limit: 1).first)
        assertLabels(AccountForm.fields(for: account.fields, session: harness.app.session), declaredBy: AccountDraft.Field.self)
        try assertFilterNames(of: AccountDraft.Field.self, in: harness.database.accountFilterCatalog())

        var edited = account.fields
        edited.name += " Holding"
        edited.city = "Brno"
        _ = try accounts.update(id: account.id, with: edited, expectedVersion: account.version)
        let changes = try harness.database.journal(actingAs: harness.user).history(of: .account, id: account.id)
            .filter { $0.action == .update }.map { JournalLine($0).what }
        XCTAssertTrue(changes.contains("Name"), "the history says the declared short label: \(changes)")
        XCTAssertTrue(changes.contains("City"), "\(changes)")
        XCTAssertEqual(AccountDraft.Field.name.spec.label, "Organisation name", "the form says the long one")
    }

    func testTheContactFormHistoryAndFilterUseTheContactDeclarations() throws {
        let harness = try AppHarness()
        let session = harness.app.session
        let partner = try XCTUnwrap(session.partners.page(PartnerQuery(), .first, limit: 1).first)
        let contact = try XCTUnwrap(session.partners.consultants(of: partner.id).first)
        assertLabels(ContactForm.fields(for: contact.fields, employerName: contact.accountName, session: session),
                     declaredBy: ContactDraft.Field.self)
        try assertFilterNames(of: ContactDraft.Field.self, in: harness.database.contactFilterCatalog())

        let employer = try XCTUnwrap(session.accounts.page(AccountQuery(), .first, limit: 5).first { $0.id != contact.accountID })
        var edited = contact.fields
        edited.accountID = employer.id
        edited.jobTitle = "Buyer"
        _ = try session.contacts.update(id: contact.id, with: edited, expectedVersion: contact.version)
        try session.partners.removeConsultant(partnerID: partner.id, contactID: contact.id)
        let lines = JournalNames.named(try session.journal.history(of: .contact, id: contact.id), session: session)
            .filter { $0.action == .update }.map(JournalLine.init)
        let employerLine = try XCTUnwrap(lines.first { $0.what == "Employer" },
                                         "a contact's account is its employer: \(lines.map(\.what))")
        XCTAssertEqual(employerLine.new, employer.displayName, "the declared reference shows the account's name")
        XCTAssertTrue(lines.contains { $0.what == "Job title" }, "\(lines.map(\.what))")
        XCTAssertEqual(lines.first { $0.what == "Partner" }?.old, partner.name, "the link to a partner is declared too")
    }

    func testThePartnerFormHistoryAndFilterUseThePartnerDeclarations() throws {
        let harness = try AppHarness()
        let partners = harness.database.partners(actingAs: harness.user)
        let partner = try XCTUnwrap(partners.page(PartnerQuery(), .first, limit: 1).first)
        assertLabels(PartnerForm.fields(for: partner.fields), declaredBy: PartnerDraft.Field.self)
        try assertFilterNames(of: PartnerDraft.Field.self, in: harness.database.partnerFilterCatalog())

        var edited = partner.fields
        edited.city = "Brno"
        edited.note = "Resells in Moravia"
        _ = try partners.update(id: partner.id, with: edited, expectedVersion: partner.version)
        let changes = try harness.database.journal(actingAs: harness.user).history(of: .partner, id: partner.id)
            .filter { $0.action == .update }.map { JournalLine($0).what }
        XCTAssertEqual(Set(changes), ["City", "Note"])
    }

    func testTypeAndStatusSettingsUseTheirDeclarations() throws {
        let harness = try AppHarness()
        let session = harness.app.session
        let journal = harness.database.journal(actingAs: harness.user)
        let history = { (entity: EntityKind, id: Int64) in
            try journal.history(of: entity, id: id).filter { $0.action == .update }.map { JournalLine($0).what }
        }

        let accountTypes = try session.accountTypes.list()
        let person = try XCTUnwrap(accountTypes.first)
        assertLabels(AccountTypeForm.fields(for: person), declaredBy: AccountTypeDraft.Field.self)
        var draft = person.draft
        draft.usesOrganisationName.toggle()
        _ = try session.accountTypes.update(id: person.id, with: draft, expectedVersion: person.version)
        _ = try session.accountTypes.reorder(accountTypes.map(\.id).reversed())
        XCTAssertEqual(Set(try history(.accountType, person.id)), ["Uses organisation name", "Order"])

        let contactTypes = try session.contactTypes.list()
        let employee = try XCTUnwrap(contactTypes.first)
        _ = try session.contactTypes.rename(id: employee.id, to: "Staff", expectedVersion: employee.version)
        _ = try session.contactTypes.reorder(contactTypes.map(\.id).reversed())
        XCTAssertEqual(Set(try history(.contactType, employee.id)), ["Name", "Order"])

        let status = try XCTUnwrap(session.opportunityStatuses.list().first)
        assertLabels(StatusForm.fields(for: status.fields), declaredBy: OpportunityStatusDraft.Field.self)
        var fields = status.fields
        fields.probability = (fields.probability + 5) % 100
        _ = try session.opportunityStatuses.update(id: status.id, with: fields, expectedVersion: status.version)
        XCTAssertEqual(try history(.opportunityStatus, status.id), ["Probability"], "the form says \"Probability %\"")
    }

    func testTheLeadFormHistoryMergeAndFilterUseTheLeadDeclarations() throws {
        let harness = try AppHarness()
        let leads = harness.database.leads(actingAs: harness.user)
        var draft = LeadDraft()
        (draft.firstName, draft.lastName, draft.email) = ("Ana", "Novak", "ana@kestrel.example")
        let lead = try leads.create(draft)
        let form = LeadForm.fields(for: lead.fields, session: harness.app.session)
        assertLabels(form.filter { $0.key != LeadDraft.Field.tags.rawValue }, declaredBy: LeadDraft.Field.self)
        XCTAssertEqual(form.first { $0.key == LeadDraft.Field.tags.rawValue }?.label, "Tags (comma separated)",
                       "the form says how to type several tags after the declared label")
        let catalog = try harness.database.leadFilterCatalog()
        try assertFilterNames(of: LeadDraft.Field.self, in: catalog)
        try assertFilterNames(of: LeadDraft.Event.self, in: catalog)

        var edited = lead.fields
        edited.email = "ana.novak@kestrel.example"
        edited.utmSource = "newsletter"
        let updated = try leads.update(id: lead.id, with: edited, expectedVersion: lead.version)
        _ = try leads.setArchived(true, id: lead.id, expectedVersion: updated.version)
        let changes = try harness.database.journal(actingAs: harness.user).history(of: .lead, id: lead.id)
            .filter { $0.action == .update }.map { JournalLine($0).what }
        XCTAssertTrue(changes.contains("Email"), "the history says the declared history label: \(changes)")
        XCTAssertTrue(changes.contains("UTM source"), "\(changes)")
        XCTAssertTrue(changes.contains("Archived"), "a lead event says its declared label: \(changes)")
        XCTAssertEqual(LeadMergeChoices.Row.email.label, "Email", "the merge screen says the declared label")
        XCTAssertEqual(LeadMergeChoices.Row.assignee.label, "Assignee", "the assignee row carries a partner too")
        XCTAssertEqual(JournalNames.target(of: LeadDraft.Event.duplicateOf.rawValue, in: .lead), .lead)
        XCTAssertEqual(JournalNames.target(of: LeadDraft.Field.statusID.rawValue, in: .lead), .leadStatus)
    }

    func testATextFieldIsCheckedUnderItsDeclaredLabel() {
        var draft = AccountDraft(typeID: 1)
        draft.name = "Acme"
        draft.industry = String(repeating: "x", count: FieldRules.lineLimit + 1)
        let problems = draft.textProblems()
        XCTAssertEqual(problems.map(\.field), ["industry"])
        XCTAssertEqual(problems.first?.message, "Industry can be at most \(FieldRules.lineLimit) characters long.")
    }

    func testTheOpportunityFormsHistoryAndFilterUseTheOpportunityDeclarations() throws {
        let harness = try AppHarness()
        let session = harness.app.session
        let opportunities = harness.database.opportunities(actingAs: harness.user)
        let opportunity = try XCTUnwrap(opportunities.page(OpportunityQuery(), .first, limit: 1).first)
        assertLabels(OpportunityForm.fields(for: opportunity.fields, accountName: opportunity.accountName, session: session),
                     declaredBy: OpportunityDraft.Field.self)
        try assertFilterNames(of: OpportunityDraft.Field.self, in: harness.database.opportunityFilterCatalog())
        assertLabels(StatusForm.fields(for: try XCTUnwrap(session.statusList.first).fields), declaredBy: OpportunityStatusDraft.Field.self)
        assertLabels(OpportunityRelationActions.businessRoleForm(for: opportunity, app: harness.app).fields,
                     declaredBy: BusinessRole.Field.self)

        var edited = opportunity.fields
        edited.probability = (opportunity.probability ?? 0) == 35 ? 40 : 35
        edited.description += " Asked for a second quote."
        _ = try opportunities.update(id: opportunity.id, with: edited, expectedVersion: opportunity.version)
        let changes = try updates(of: .opportunity, id: opportunity.id, harness)
        XCTAssertTrue(changes.contains("Probability"), "the history says the short label: \(changes)")
        XCTAssertTrue(changes.contains("Description"), "\(changes)")
        XCTAssertEqual(OpportunityDraft.Field.probability.spec.label, "Probability %", "the form says the long one")

        let other = try XCTUnwrap(harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 5)
            .first { $0.id != opportunity.fields.accountID })
        try harness.database.opportunityRelations(actingAs: harness.user).relate(accountID: other.id, to: opportunity.id)
        let relation = try XCTUnwrap(try harness.database.journal(actingAs: harness.user).history(of: .opportunity, id: opportunity.id)
            .map(JournalLine.init).first { $0.new == other.displayName })
        XCTAssertEqual(relation.what, "Related accounts", "an event the journal records is declared too, not shown as its key")
    }

    func testTheTaskFormAndHistoryUseTheTaskDeclarationsAndItsLinksTheirs() throws {
        let harness = try AppHarness()
        let tasks = harness.database.tasks(actingAs: harness.user)
        let project = try XCTUnwrap(harness.database.projects(actingAs: harness.user).tree().first?.project)
        let task = try tasks.create(TaskDraft(subject: "Call back", projectID: project.id))
        assertLabels(TaskForms.fields(for: task.fields, app: harness.app), declaredBy: TaskDraft.Field.self)
        assertLabels(TaskForms.new(app: harness.app).fields, declaredBy: TaskDraft.Event.self)

        var edited = task.fields
        edited.subject += " (urgent)"
        edited.dueDate = CalendarDate(parsing: "2026-12-24")
        let saved = try tasks.update(id: task.id, with: edited, expectedVersion: task.version)
        let account = try XCTUnwrap(harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 1).first)
        _ = try tasks.relateAccount(taskID: task.id, accountID: account.id, expectedVersion: saved.version)
        let lines = JournalNames.named(try harness.database.journal(actingAs: harness.user).history(of: .task, id: task.id),
                                       session: harness.app.session)
            .filter { $0.action == .update }.map(JournalLine.init)
        let changes = lines.map(\.what)
        XCTAssertTrue(changes.contains("Subject") && changes.contains("Due date"), "\(changes)")
        let related = try XCTUnwrap(lines.last { $0.what == "Related account" }, "\(changes)")
        XCTAssertEqual(related.new, account.displayName, "a link's history names the account it points at")
        XCTAssertEqual(lines.last { $0.what == "Primary account" }?.new, account.displayName, "\(changes)")
    }

    func testTheProjectFormAndHistoryUseTheProjectDeclarations() throws {
        let harness = try AppHarness()
        let projects = harness.database.projects(actingAs: harness.user)
        let project = try XCTUnwrap(projects.tree().first?.project)
        assertLabels(ProjectForm.fields(for: project.fields, excluding: [project.id], app: harness.app),
                     declaredBy: ProjectDraft.Field.self)

        var edited = project.fields
        edited.includeSubprojects.toggle()
        _ = try projects.update(id: project.id, with: edited, expectedVersion: project.version)
        let changes = try updates(of: .project, id: project.id, harness)
        XCTAssertEqual(changes, ["Include subprojects"], "the history's words, not the form's (With subprojects' data)")
    }

    func testTheActivityFormAndHistoryUseTheSalesActivityDeclarations() throws {
        let harness = try AppHarness()
        let opportunity = try XCTUnwrap(
            harness.database.opportunities(actingAs: harness.user).page(OpportunityQuery(), .first, limit: 1).first)
        let activities = harness.database.salesActivities(actingAs: harness.user)
        let categories = try harness.app.session.activityCategories.list()
        var draft = SalesActivityDraft(target: .opportunity(opportunity.id), categoryID: categories[0].id,
                                       at: AppHarness.fixedNow, ownerID: harness.user.id, durationMinutes: 15)
        draft.outcome = "Left a message"
        let activity = try activities.create(draft)
        assertLabels(ActivityForms.fields(for: activity.fields, app: harness.app), declaredBy: SalesActivityDraft.Field.self)

        draft.durationMinutes = 45
        draft.categoryID = categories[1].id
        _ = try activities.update(id: activity.id, with: draft, expectedVersion: activity.version)
        let lines = JournalNames.named(
            try harness.database.journal(actingAs: harness.user).history(of: .salesActivity, id: activity.id),
            session: harness.app.session).filter { $0.action == .update }.map(JournalLine.init)
        XCTAssertEqual(Set(lines.map(\.what)), ["Category", "Duration"], "not the form's Duration (minutes)")
        XCTAssertEqual(lines.first { $0.what == "Category" }?.new, categories[1].name, "the history names the category, not its id")
    }

    /// What the history of a record says changed in its updates.
    func updates(of entity: EntityKind, id: Int64, _ harness: AppHarness) throws -> [String] {
        try harness.database.journal(actingAs: harness.user).history(of: entity, id: id)
            .filter { $0.action == .update }.map { JournalLine($0).what }
    }

    /// Every form field that shows a declared record field carries the declared label.
    func assertLabels<Field: DeclaredField>(_ fields: [FormField], declaredBy _: Field.Type,
                                            file: StaticString = #filePath, line: UInt = #line) {
        let declared = fields.compactMap { field in Field(rawValue: field.key).map { (field, $0) } }
        XCTAssertFalse(declared.isEmpty, "the form shows no declared field", file: file, line: line)
        for (formField, field) in declared {
            XCTAssertEqual(formField.label, field.spec.label, "\(Field.self).\(field.rawValue)", file: file, line: line)
        }
    }

    /// Every filter name a field declares is a field of the list's filter language.
    func assertFilterNames<Field: DeclaredField>(of _: Field.Type, in catalog: FilterCatalog,
                                                 file: StaticString = #filePath, line: UInt = #line) {
        for field in Field.allCases {
            guard let filter = field.spec.filter else { continue }
            XCTAssertNotNil(catalog.field(named: filter.name), "\(Field.self).\(field.rawValue) as \(filter.name)",
                            file: file, line: line)
            for alias in filter.aliases {
                XCTAssertNotNil(catalog.field(named: alias), "\(alias)", file: file, line: line)
            }
        }
    }
}
