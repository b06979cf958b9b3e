/// A person who logs in to the CRM; every change in the journal names one.
public struct User: Sendable, Hashable, Identifiable, Journaled {
    public var id: Int64
    /// The unique name used with `crm --user` (letters a-z, digits, `.`, `_`, `-`).
    public var login: String
    public var displayName: String
    public var role: Role
    /// Inactive users keep their history but can no longer log in.
    public var active: Bool

    public init(id: Int64, login: String, displayName: String, role: Role, active: Bool = true) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.active = active
    }

    /// Checks a login against the identifier rules of `FieldRules.checkIdentifier`.
    ///
    /// Logins end up in SSH forced commands and file names, so they stay plain ASCII.
    public static func validateLogin(_ login: String) -> FieldError? {
        FieldRules.checkIdentifier(login, field: "login", label: "Login")
    }

    public var journalValues: [(field: String, value: String)] {
        [("login", login), ("displayName", displayName), ("role", role.rawValue), ("active", String(active))]
    }
}
