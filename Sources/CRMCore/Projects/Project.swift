import Foundation

/// The user-editable fields of a project (PR-1).
///
/// Projects form a hierarchy (a "CRM" project with regions as subprojects); CRM can be switched
/// on per project, and its CRM view then shows the project's records, with its subprojects'
/// when `includeSubprojects` is on.
public struct ProjectDraft: Sendable, Hashable, DeclaredDraft {
    /// The fields, declared once for the form, its checks and the history.
    public enum Field: String, DeclaredField {
        case name, identifier, parentID, description, crmEnabled, includeSubprojects

        public var spec: FieldSpec {
            switch self {
            case .name: FieldSpec("Name", .line)
            case .identifier: FieldSpec("Identifier", .line)
            case .parentID: FieldSpec("Parent project", .reference(.project))
            case .description: FieldSpec("Description", .note)
            case .crmEnabled: FieldSpec("CRM enabled", .flag)
            case .includeSubprojects: FieldSpec("With subprojects' data", .flag, history: "Include subprojects")
            }
        }
    }

    /// The longest identifier (`checkIdentifier`).
    public static let identifierLimit = 64

    public var name: String
    /// A short unique key (`crm-dach`): lower-case letters, digits and hyphens.
    public var identifier: String
    public var parentID: Int64?
    public var description = ""
    public var crmEnabled = false
    /// Whether the project's CRM view also shows its subprojects' records.
    public var includeSubprojects = true

    public init(name: String, identifier: String, parentID: Int64? = nil) {
        self.name = name
        self.identifier = identifier
        self.parentID = parentID
    }

    /// Checks the fields on their own; the store adds uniqueness and the hierarchy rules.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: Field.name.rawValue, message: "A project needs a name."))
        }
        if let error = Self.checkIdentifier(identifier) { errors.append(error) }
        // The identifier's own rule is the stricter one; a field shows one problem.
        errors += textProblems().filter { problem in !errors.contains { $0.field == problem.field } }
        return errors
    }

    /// Identifiers appear in commands and exports, so they stay short plain ASCII: 1–64
    /// characters of `a-z`, `0-9` and `-`.
    static func checkIdentifier(_ value: String) -> FieldError? {
        let field = Field.identifier.rawValue
        if value.isEmpty { return FieldError(field: field, message: "A project needs an identifier, e.g. crm-dach.") }
        if value.utf8.count > identifierLimit {
            return FieldError(field: field, message: "The identifier can be at most \(identifierLimit) characters long.")
        }
        let allowed = value.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        return allowed ? nil : FieldError(
            field: field, message: "The identifier may contain only lower-case letters a-z, digits and hyphens.")
    }

    /// The text of one field, as the journal records it.
    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .identifier: identifier
        case .parentID: parentID.journalText
        case .description: description
        case .crmEnabled: String(crmEnabled)
        case .includeSubprojects: String(includeSubprojects)
        }
    }
}

/// A stored project.
@dynamicMemberLookup
public struct Project: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fields: ProjectDraft
    public var createdAt: Date
    public var updatedAt: Date
    /// The optimistic-lock version (ST-7).
    public var version: Int

    public init(id: Int64, fields: ProjectDraft, createdAt: Date, updatedAt: Date, version: Int) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ProjectDraft, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}
