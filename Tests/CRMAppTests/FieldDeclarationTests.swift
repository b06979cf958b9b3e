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
        XCTAssertEqual(LeadMergeChoices.Row.email.label, "E-mail", "the merge screen says the declared label")
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
