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

    func testATextFieldIsCheckedUnderItsDeclaredLabel() {
        var draft = AccountDraft(typeID: 1)
        draft.name = "Acme"
        draft.industry = String(repeating: "x", count: FieldRules.lineLimit + 1)
        let problems = draft.textProblems()
        XCTAssertEqual(problems.map(\.field), ["industry"])
        XCTAssertEqual(problems.first?.message, "Industry can be at most \(FieldRules.lineLimit) characters long.")
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
