import CRMCore
import XCTest

final class LeadIdentityTests: XCTestCase {
    func testEmailNormalisation() {
        let table: [(String, String?)] = [
            ("  Ana.Novak@Example.COM ", "ana.novak@example.com"),
            ("ana+fair@example.com", "ana+fair@example.com"),
            ("Jan.Novak+fair@Gmail.com", "jannovak@gmail.com"),
            ("j.a.n.novak@googlemail.com", "jannovak@gmail.com"),
            ("+tag@gmail.com", nil),
            ("no-at-sign", nil),
            ("two@@example.com", nil),
            ("@example.com", nil),
            ("", nil),
        ]
        for (input, expected) in table {
            XCTAssertEqual(LeadIdentity.normaliseEmail(input), expected, input)
        }
    }

    func testPhoneNormalisation() {
        let table: [(String, String?, String?)] = [
            ("0601 234 567", "420", "+420601234567"),
            ("601 234 567", "420", "+420601234567"),
            ("+420 601-234-567", "420", "+420601234567"),
            ("00420 601.234.567", "49", "+420601234567"),
            ("+44 (0)20 7946 0958", "420", "+442079460958"),
            ("(555) 555-5555", "1", "+15555555555"),
            ("030/1234567", "49", "+49301234567"),
            ("601 234 567", nil, "601234567"),
            ("call 601 234 567", "420", nil),
            ("601 234 567 ext. 12", "420", nil),
            ("12345", nil, nil),
            ("+1234567890123456", nil, nil),
            ("", "420", nil),
            ("+", "420", nil),
        ]
        for (input, code, expected) in table {
            XCTAssertEqual(LeadIdentity.normalisePhone(input, defaultCallingCode: code), expected, input)
        }
    }

    func testTheLeadsCountryGivesTheCallingCodeOfNationalNumbers() {
        let table: [(String, String?)] = [
            ("CZ", "420"), (" de ", "49"), ("Czech Republic", "420"), ("Česká republika", "420"),
            ("ÖSTERREICH", "43"), ("United States", "1"), ("uk", "44"), ("Atlantis", nil), ("", nil), ("C", nil),
        ]
        for (country, expected) in table {
            XCTAssertEqual(CountryCallingCode.code(forCountry: country), expected, country)
        }
        var national = LeadDraft()
        national.phone = "0601 234 567"
        national.country = "Czechia"
        var international = LeadDraft()
        international.mobile = "+420 601 234 567"
        let code = CountryCallingCode.code(forCountry: national.country)
        XCTAssertEqual(LeadIdentity(national, defaultCallingCode: code).normalisedPhones,
                       LeadIdentity(international, defaultCallingCode: nil).normalisedPhones)
    }

    func testNameCompanyKeyFoldsAndDropsLegalForms() {
        let table: [(String, String, String, String?)] = [
            ("Ana", "Novák", "ACME s.r.o.", "ana novak|acme"),
            ("NOVAK", "ana", "Acme", "ana novak|acme"),
            ("Hans", "Müller", "Müller GmbH & Co. KG", "hans muller|muller"),
            ("Jan", "de Vries", "Tulip B.V.", "de jan vries|tulip"),
            ("Eva", "Dvořák", "Stavby, spol. s r.o.", "dvorak eva|stavby"),
            ("Bob", "Smith", "Smith & Sons Ltd", "bob smith|smith sons"),
            ("Ann", "Lee", "Globex Inc.", "ann lee|globex"),
            ("Ann", "Lee", "AB", "ann lee|ab"),
            ("", "", "Acme", nil),
            ("Ann", "Lee", "", nil),
        ]
        for (first, last, company, expected) in table {
            XCTAssertEqual(LeadIdentity.nameCompanyKey(firstName: first, lastName: last, company: company), expected,
                           "\(first) \(last) \(company)")
        }
    }

    private func lead(_ first: String, _ last: String, _ company: String, email: String = "", phone: String = "",
                      mobile: String = "") -> LeadIdentity {
        var draft = LeadDraft()
        draft.firstName = first
        draft.lastName = last
        draft.company = company
        draft.email = email
        draft.phone = phone
        draft.mobile = mobile
        return LeadIdentity(draft, defaultCallingCode: "420")
    }

    func testDuplicatesSayWhichKeysMatched() throws {
        let original = lead("Ana", "Novák", "Acme s.r.o.", email: "ana.novak@gmail.com", phone: "601 234 567")
        let all = try XCTUnwrap(DuplicateMatch(original, lead("ana", "novak", "ACME", email: "AnaNovak+web@gmail.com",
                                                                mobile: "+420 601 234 567")))
        XCTAssertEqual(all.keys, [.email, .phone, .nameCompany])
        XCTAssertEqual(all.description, "matched on e-mail, phone and name and company")
        let two = try XCTUnwrap(DuplicateMatch(original, lead("Eva", "Nová", "Other", email: "ana.novak@gmail.com",
                                                                phone: "00420601234567")))
        XCTAssertEqual(two.description, "matched on e-mail and phone")
        let name = try XCTUnwrap(DuplicateMatch(original, lead("Novák", "Ana", "Acme a.s.")))
        XCTAssertEqual(name.keys, [.nameCompany])
        XCTAssertEqual(name.description, "matched on name and company")
    }

    func testBlankOrDifferentKeysNeverMatch() {
        XCTAssertNil(DuplicateMatch(lead("", "", "Acme"), lead("", "", "Acme")))
        XCTAssertNil(DuplicateMatch(lead("Ana", "Novák", "Acme", email: "ana@example.com", phone: "601 234 567"),
                                    lead("Ana", "Novák", "Globex", email: "ana@example.org", phone: "601 234 568")))
        XCTAssertNil(DuplicateMatch(lead("Ana", "", "", email: "ana+a@example.com"), lead("Ana", "", "", email: "ana+b@example.com")))
    }
}
