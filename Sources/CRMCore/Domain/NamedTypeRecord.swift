/// A configurable type that is only a name in pick-list order (personal contact types,
/// activity categories, lost reasons): one settings page and one set of store rules serve them all.
public protocol NamedTypeRecord: Versioned, Identifiable where ID == Int64 {
    var name: String { get }
    /// The place in pick lists, lowest first.
    var position: Int { get }
    /// Checks a proposed name: required, one line's length at most.
    static func validateName(_ name: String) -> [FieldError]
}

extension NamedTypeRecord {
    /// Required, one line's length at most.
    public static func validateName(_ name: String) -> [FieldError] {
        FieldRules.checkRequiredLine(name, field: "name", label: "Name").map { [$0] } ?? []
    }

    /// Only the name: positions are journaled by the reorder itself.
    public var journalValues: [(field: String, value: String)] { [("name", name)] }
}

extension ContactType: NamedTypeRecord {}
extension ActivityCategory: NamedTypeRecord {}
extension LostReason: NamedTypeRecord {}
