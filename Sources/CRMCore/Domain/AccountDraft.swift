import Foundation

/// The user-editable fields of an account (AC-2): what a form edits and the store saves.
///
/// Ids, timestamps, the creator and the lock version are not here: the store owns them.
public struct AccountDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for forms, checks, history and filters.
    public enum Field: String, DeclaredField {
        case typeID, firstName, lastName, name, email, phone, street, city, postcode, country
        case registrationNumber, vatNumber, industry, note, isGlobal, isPrivate, isKeyAccount
        case accountManagerID, employees, annualRevenue, customerSince

        public var spec: FieldSpec {
            switch self {
            case .typeID: FieldSpec("Type", .reference(.accountType), filter: FilterName("type"))
            case .firstName: FieldSpec("First name", .line)
            case .lastName: FieldSpec("Last name", .line)
            case .name: FieldSpec("Organisation name", .line, history: "Name")
            case .email: FieldSpec("Email", .email, filter: FilterName("email", aliases: ["mail"]))
            case .phone: FieldSpec("Phone", .line, filter: FilterName("phone"))
            case .street: FieldSpec("Street", .line)
            case .city: FieldSpec("City", .line, filter: FilterName("city"))
            case .postcode: FieldSpec("Postcode", .line)
            case .country: FieldSpec("Country", .line, filter: FilterName("country"))
            case .registrationNumber: FieldSpec("Registration no.", .line)
            case .vatNumber: FieldSpec("VAT no.", .line)
            case .industry: FieldSpec("Industry", .line, filter: FilterName("industry"))
            case .note: FieldSpec("Note", .note)
            case .isGlobal: FieldSpec("Global", .flag)
            case .isPrivate: FieldSpec("Private", .flag)
            case .isKeyAccount: FieldSpec("Key account", .flag, filter: FilterName("key", aliases: ["key-account"]))
            case .accountManagerID:
                FieldSpec("Account manager", .reference(.user), filter: FilterName("manager", aliases: ["owner", "account-manager"]))
            case .employees: FieldSpec("Employees", .whole, filter: FilterName("employees"))
            case .annualRevenue: FieldSpec("Annual revenue", .money, filter: FilterName("revenue"))
            case .customerSince: FieldSpec("Customer since", .date, filter: FilterName("customer-since", aliases: ["since"]))
            }
        }
    }

    public var typeID: Int64
    public var firstName = ""
    public var lastName = ""
    /// The organisation name.
    public var name = ""
    public var email = ""
    public var phone = ""
    public var street = ""
    public var city = ""
    public var postcode = ""
    public var country = ""
    public var registrationNumber = ""
    public var vatNumber = ""
    public var industry = ""
    public var note = ""
    /// Visible to everyone regardless of role visibility (ST-3). Never together with
    /// `isPrivate`: `visibility` sets them as one choice.
    public var isGlobal = false
    /// Visible only to the account's creator — not even to administrators.
    public var isPrivate = false
    public var isKeyAccount = false
    public var accountManagerID: Int64?
    /// Head count, when known.
    public var employees: Int?
    /// Yearly revenue in the account's own currency, exact decimal.
    public var annualRevenue: Money?
    /// The day the account first bought from us.
    public var customerSince: CalendarDate?

    public init(typeID: Int64) {
        self.typeID = typeID
    }

    /// "First Last" when the type uses the person name and it is filled in, else the organisation
    /// name; whichever is non-empty when the preferred one is blank.
    public func displayName(usingPersonName: Bool) -> String {
        let person = [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
        if usingPersonName && !person.isEmpty { return person }
        return name.isEmpty ? person : name
    }

    /// Checks the draft against the rules of its account type; empty means it can be saved.
    ///
    /// A person-name type needs a last name, an organisation-name type needs a name, and a type
    /// using both needs one of them.
    public func validate(type: AccountType) -> [FieldError] {
        var errors: [FieldError] = []
        let hasLast = !lastName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let hasName = !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        switch (type.usesPersonName, type.usesOrganisationName) {
        case (true, false) where !hasLast:
            errors.append(FieldError(field: Field.lastName.rawValue, message: "A last name is required."))
        case (false, _) where !hasName:
            errors.append(FieldError(field: Field.name.rawValue, message: "A name is required."))
        case (true, true) where !hasLast && !hasName:
            errors.append(FieldError(field: Field.name.rawValue, message: "A name or a last name is required."))
        default:
            break
        }
        errors += textProblems()
        if let employees, employees < 0 {
            errors.append(FieldError(field: Field.employees.rawValue, message: "Employees cannot be negative."))
        }
        if isGlobal && isPrivate {
            errors.append(FieldError(
                field: Field.isPrivate.rawValue,
                message: "An account is either global (visible to all) or private (only its creator sees it), not both; choose one."))
        }
        if let annualRevenue, annualRevenue.amount < 0 {
            errors.append(FieldError(field: Field.annualRevenue.rawValue, message: "Annual revenue cannot be negative."))
        }
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .typeID: String(typeID)
        case .firstName: firstName
        case .lastName: lastName
        case .name: name
        case .email: email
        case .phone: phone
        case .street: street
        case .city: city
        case .postcode: postcode
        case .country: country
        case .registrationNumber: registrationNumber
        case .vatNumber: vatNumber
        case .industry: industry
        case .note: note
        case .isGlobal: String(isGlobal)
        case .isPrivate: String(isPrivate)
        case .isKeyAccount: String(isKeyAccount)
        case .accountManagerID: accountManagerID.journalText
        case .employees: employees.map(String.init) ?? ""
        case .annualRevenue: annualRevenue?.description ?? ""
        case .customerSince: customerSince?.description ?? ""
        }
    }
}
