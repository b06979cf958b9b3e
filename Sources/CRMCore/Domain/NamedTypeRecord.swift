/// A configurable type that is only a name in pick-list order (personal contact types,
/// activity categories, lost reasons): one settings page and one set of store rules serve them all.
public protocol NamedTypeRecord: Versioned, Identifiable where ID == Int64 {
    var name: String { get }
    /// The place in pick lists, lowest first.
    var position: Int { get }
    /// Checks a proposed name: required, one line's length at most.
    static func validateName(_ name: String) -> [FieldError]
}

/// The fields of a name-only type, declared once for its form and history. Every configured
/// type's reorder journals its `position`.
public enum NamedTypeField: String, DeclaredField {
    case name, position

    public var spec: FieldSpec {
        switch self {
        case .name: FieldSpec("Name", .line)
        case .position: FieldSpec("Order", .whole)
        }
    }
}

extension NamedTypeRecord {
    /// Required, one line's length at most.
    public static func validateName(_ name: String) -> [FieldError] {
        let field = NamedTypeField.name
        return FieldRules.checkRequiredLine(name, field: field.rawValue, label: field.spec.label).map { [$0] } ?? []
    }

    /// Only the name: positions are journaled by the reorder itself.
    public var journalValues: [(field: String, value: String)] { [(NamedTypeField.name.rawValue, name)] }
}

extension ContactType: NamedTypeRecord {}
extension ActivityCategory: NamedTypeRecord {}
extension LostReason: NamedTypeRecord {}
