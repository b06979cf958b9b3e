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
public struct AccountTypeDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for the form, its checks and the history. A reorder journals
    /// the type's place as every configured type does (`NamedTypeField.position`).
    public enum Field: String, DeclaredField {
        case key, name, usesPersonName, usesOrganisationName

        public var spec: FieldSpec {
            switch self {
            case .key: FieldSpec("Key (a-z 0-9 . _ -)", .line, history: "Key")
            case .name: FieldSpec("Name", .line)
            case .usesPersonName: FieldSpec("Uses first/last name", .flag, history: "Uses person name")
            case .usesOrganisationName: FieldSpec("Uses organisation name", .flag)
            }
        }
    }

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
        // Messages call the key by its short name; the form's label also shows what it may hold.
        if let error = FieldRules.checkIdentifier(key, field: Field.key.rawValue, label: Field.key.spec.historyLabel) {
            errors.append(error)
        }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "A name is required."))
        } else if let error = FieldRules.check(name, field: Field.name.rawValue, label: Field.name.spec.label,
                                               limit: FieldRules.lineLimit) {
            errors.append(error)
        }
        if !usesPersonName && !usesOrganisationName {
            errors.append(FieldError(
                field: Field.usesOrganisationName.rawValue,
                message: "An account type must use the person name, the organisation name or both."))
        }
        return errors
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .key: key
        case .name: name
        case .usesPersonName: String(usesPersonName)
        case .usesOrganisationName: String(usesOrganisationName)
        }
    }
}
