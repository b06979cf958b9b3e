import Foundation

/// A kind of account (AC-1) that decides which native name fields its accounts use.
///
/// Types are data, not code: administrators add and rename them. The migration seeds `person`
/// (first and last name), `company` and `account` (organisation name).
public struct AccountType: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// A stable key for configuration and imports, e.g. `"company"`.
    public var key: String
    public var name: String
    public var usesPersonName: Bool
    public var usesOrganisationName: Bool
    /// The place of the type in pick lists, lowest first.
    public var position: Int
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(
        id: Int64, key: String, name: String, usesPersonName: Bool, usesOrganisationName: Bool,
        position: Int, version: Int = 1
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.usesPersonName = usesPersonName
        self.usesOrganisationName = usesOrganisationName
        self.position = position
        self.version = version
    }

    /// The editable part of this type.
    public var draft: AccountTypeDraft {
        AccountTypeDraft(
            key: key, name: name, usesPersonName: usesPersonName,
            usesOrganisationName: usesOrganisationName)
    }
}

/// The fields of an account type that an administrator edits.
public struct AccountTypeDraft: Sendable, Hashable, Journaled {
    public var key: String
    public var name: String
    public var usesPersonName: Bool
    public var usesOrganisationName: Bool

    public init(key: String, name: String, usesPersonName: Bool, usesOrganisationName: Bool) {
        self.key = key
        self.name = name
        self.usesPersonName = usesPersonName
        self.usesOrganisationName = usesOrganisationName
    }

    /// Checks the rules: a key and a name are required, and a type uses at least one name field.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let error = FieldRules.checkIdentifier(key, field: "key", label: "Key") {
            errors.append(error)
        }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "name", message: "A name is required."))
        } else if let error = FieldRules.check(name, field: "name", label: "Name", limit: FieldRules.lineLimit) {
            errors.append(error)
        }
        if !usesPersonName && !usesOrganisationName {
            errors.append(FieldError(
                field: "usesOrganisationName",
                message: "An account type must use the person name, the organisation name or both."))
        }
        return errors
    }

    public var journalValues: [(field: String, value: String)] {
        [("key", key), ("name", name),
         ("usesPersonName", String(usesPersonName)), ("usesOrganisationName", String(usesOrganisationName))]
    }
}
