import CRMCore
import XCTest

/// Thrown when a payload that must be refused was mapped: the test then fails with the draft.
private struct UnexpectedAcceptance: Error, CustomStringConvertible {
    let draft: LeadDraft
    var description: String { "expected a refusal, got \(draft)" }
}

final class LeadFieldMappingTests: XCTestCase {
    private func draft(_ mapping: LeadFieldMapping, json: String) throws -> LeadDraft {
        try mapping.draft(from: IntakePayload(json: Array(json.utf8))).get()
    }

    private func refusal(_ mapping: LeadFieldMapping, _ entries: [IntakePayload.Entry]) throws -> IntakeError {
        switch mapping.draft(from: IntakePayload(entries)) {
        case .success(let draft): throw UnexpectedAcceptance(draft: draft)
        case .failure(let error): return error
        }
    }

    func testGenericFormFillsEveryField() throws {
        let lead = try draft(.generic, json: """
            {"firstName": "Ana", "last_name": "Novák", "email": "ana@example.com", "phone": "+420 601 234 567",
             "mobile": "777 888 999", "company_name": "Acme s.r.o.", "job_title": "Buyer", "website": "acme.cz",
             "country": "CZ", "value": 12345.60, "currency": "eur", "score": 420, "priority": "High",
             "source": "web form", "utm_source": "newsletter", "utmMedium": "email", "utm_campaign": "spring",
             "utm_content": "banner", "message": "Call me\\nafter 5", "tags": ["hot", " fair "], "gclid": "abc"}
            """)
        XCTAssertEqual(lead.firstName, "Ana")
        XCTAssertEqual(lead.lastName, "Novák")
        XCTAssertEqual(lead.email, "ana@example.com")
        XCTAssertEqual(lead.phone, "+420 601 234 567")
        XCTAssertEqual(lead.mobile, "777 888 999")
        XCTAssertEqual(lead.company, "Acme s.r.o.")
        XCTAssertEqual(lead.jobTitle, "Buyer")
        XCTAssertEqual(lead.website, "acme.cz")
        XCTAssertEqual(lead.country, "CZ")
        XCTAssertEqual(lead.value, Money(Decimal(string: "12345.6")!, try Currency(code: "EUR")))
        XCTAssertEqual(lead.score, 420)
        XCTAssertEqual(lead.priority, .high)
        XCTAssertEqual(lead.source, "web form")
        XCTAssertEqual([lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmContent],
                       ["newsletter", "email", "spring", "banner"])
        XCTAssertEqual(lead.description, "Call me\nafter 5")
        XCTAssertEqual(lead.tags, ["hot", "fair"])
        XCTAssertEqual(lead.customAttributes, ["gclid": "abc"])
    }

    func testValuesParseExactlyWithoutFloatingPoint() throws {
        let lead = try draft(.generic, json: #"{"email": "a@b.cz", "value": 0.1, "currency": "CZK"}"#)
        XCTAssertEqual(lead.value?.amount, Decimal(string: "0.1"))
        let big = try draft(.generic, json: #"{"email": "a@b.cz", "value": 9999999999999.99, "currency": "USD"}"#)
        XCTAssertEqual(big.value?.minorUnits, 999_999_999_999_999)
        var withDefault = LeadFieldMapping.generic
        withDefault.defaultCurrency = try Currency(code: "CZK")
        XCTAssertEqual(try draft(withDefault, json: #"{"email": "a@b.cz", "value": "1 234,50"}"#).value,
                       Money(Decimal(string: "1234.5")!, try Currency(code: "CZK")))
    }

    func testMailchimpWebhookForm() throws {
        let body = "type=subscribe&fired_at=2026-11-27+07%3A00%3A00&data%5Bid%5D=8a25ff1d98&data%5Blist_id%5D=a6b5da1054"
            + "&data%5Bemail%5D=api%40mailchimp.com&data%5Bemail_type%5D=html&data%5Bmerges%5D%5BEMAIL%5D=api%40mailchimp.com"
            + "&data%5Bmerges%5D%5BFNAME%5D=Mail&data%5Bmerges%5D%5BLNAME%5D=Chimp&data%5Bmerges%5D%5BPHONE%5D=%2B1+404+555+0100"
            + "&data%5Bmerges%5D%5BCOMPANY%5D=Intuit&data%5Bmerges%5D%5BINTERESTS%5D=Group1%2CGroup2&data%5Bip_opt%5D=10.20.10.30"
        let lead = try LeadFieldMapping.mailchimp.draft(from: IntakePayload(formURLEncoded: Array(body.utf8))).get()
        XCTAssertEqual([lead.firstName, lead.lastName, lead.email, lead.phone, lead.company],
                       ["Mail", "Chimp", "api@mailchimp.com", "+1 404 555 0100", "Intuit"])
        XCTAssertEqual(lead.tags, ["Group1", "Group2"])
        XCTAssertEqual(lead.customAttributes, ["data.id": "8a25ff1d98", "data.list_id": "a6b5da1054"])
    }

    func testHubSpotContactObject() throws {
        let lead = try draft(.hubspot, json: """
            {"id": "512", "properties": {"firstname": "Brian", "lastname": "Halligan", "email": "bh@hubspot.com",
             "phone": "(555) 555-5555", "mobilephone": "555-123", "company": "HubSpot, Inc.", "jobtitle": "CEO",
             "website": "hubspot.com", "country": "USA", "hubspotscore": 57, "lifecyclestage": "lead",
             "hs_analytics_source": "ORGANIC_SEARCH", "message": "Demo please"}, "archived": false}
            """)
        XCTAssertEqual([lead.firstName, lead.lastName, lead.email, lead.phone, lead.mobile, lead.company, lead.jobTitle,
                        lead.website, lead.country, lead.source, lead.description],
                       ["Brian", "Halligan", "bh@hubspot.com", "(555) 555-5555", "555-123", "HubSpot, Inc.", "CEO",
                        "hubspot.com", "USA", "ORGANIC_SEARCH", "Demo please"])
        XCTAssertEqual(lead.score, 57)
        XCTAssertEqual(lead.customAttributes,
                       ["id": "512", "properties.lifecyclestage": "lead", "archived": "false"])
    }

    func testNamesMatchWhateverTheirCase() {
        XCTAssertEqual(LeadFieldMapping.generic.target(of: "FIRST_NAME"), .field(.firstName))
        XCTAssertEqual(LeadFieldMapping.mailchimp.target(of: "data.merges.fname"), .field(.firstName))
        XCTAssertEqual(LeadFieldMapping.hubspot.target(of: "Unknown.Thing"), .custom("Unknown.Thing"))
    }

    func testErrorsNameTheSendersFields() throws {
        let error = try refusal(.generic, [
            .init("company", "Acme"), .init("score", "abc"), .init("value", "12.50"), .init("currency", "euro"),
            .init("priority", "asap"), .init("email", "not an address"),
        ])
        XCTAssertEqual(error.message, "4 fields are invalid.")
        XCTAssertEqual(error.fieldErrors, [
            FieldError(field: "score", message: "\"abc\" is not a whole number."),
            FieldError(field: "priority", message: "\"asap\" is not a priority; use one of low, normal, high, urgent."),
            FieldError(field: "currency", message: MoneyError.invalidCurrency("EURO").description),
            FieldError(field: "email", message: "E-mail must look like name@example.com."),
        ])
        XCTAssertTrue(error.description.contains("`score`: \"abc\" is not a whole number."), error.description)
    }

    func testValidationErrorsUseTheNameTheSenderUsed() throws {
        let hubspot = try refusal(.hubspot, [.init("properties.hubspotscore", "1001"), .init("properties.email", "x")])
        XCTAssertEqual(Set(hubspot.fieldErrors.map(\.field)), ["properties.hubspotscore", "properties.email"])
        let empty = try refusal(.mailchimp, [.init("type", "subscribe")])
        XCTAssertEqual(empty.message, "A lead needs a name, a company or an e-mail. Send one of these fields: "
                           + "`data.merges.FNAME`, `data.merges.LNAME`, `data.merges.COMPANY`, `data.merges.EMAIL`.")
        XCTAssertEqual(empty.fieldErrors, [], "no field the sender never sent is blamed")
        XCTAssertTrue(empty.isUnprocessable)
        let emptyAndWrong = try refusal(.generic, [.init("last_name", " "), .init("score", "x")])
        XCTAssertEqual(emptyAndWrong.message, "A lead needs a name, a company or an e-mail. Send one of these fields: "
                           + "`first_name`, `last_name`, `company`, `email`. 1 field is invalid.")
        XCTAssertEqual(emptyAndWrong.fieldErrors.map(\.field), ["score"])
        let noCurrency = try refusal(.generic, [.init("email", "a@b.cz"), .init("value", "10")])
        XCTAssertEqual(noCurrency.fieldErrors.map(\.field), ["value"])
        let badAmount = try refusal(.generic, [.init("email", "a@b.cz"), .init("value", "ten"), .init("currency", "EUR")])
        XCTAssertEqual(badAmount.fieldErrors, [FieldError(field: "value", message: MoneyError.invalidAmount("ten").description)])
    }

    func testConflictingValuesForOneFieldAreRefusedButRepeatsAreFine() throws {
        let conflict = try refusal(.generic, [.init("first_name", "Ana"), .init("firstName", "Eva"), .init("email", "a@b.cz")])
        XCTAssertEqual(conflict.fieldErrors, [FieldError(field: "firstName",
                                                         message: "Conflicts with `first_name`, which was sent with another value.")])
        let same = LeadFieldMapping.mailchimp.draft(from: IntakePayload([
            .init("data.email", "a@b.cz"), .init("data.merges.EMAIL", "a@b.cz"),
        ]))
        XCTAssertEqual(try same.get().email, "a@b.cz")
    }

    func testSendersCannotAssignLeads() throws {
        let mapping = LeadFieldMapping(name: "Bad", targets: ["owner": .field(.assigneeID), "email": .field(.email)])
        let error = try refusal(mapping, [.init("owner", "1"), .init("email", "a@b.cz")])
        XCTAssertEqual(error.fieldErrors, [FieldError(field: "owner", message: "Senders cannot set the lead's assigneeID.")])
    }

    func testEmptyNumbersMeanNotSent() throws {
        let lead = try LeadFieldMapping.generic.draft(from: IntakePayload([
            .init("email", "a@b.cz"), .init("score", ""), .init("value", ""), .init("priority", ""),
        ])).get()
        XCTAssertNil(lead.score)
        XCTAssertNil(lead.value)
        XCTAssertEqual(lead.priority, .normal)
    }
}
