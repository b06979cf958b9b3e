import CRMCore
import CRMStore

extension NameLookup {
    /// Rows of a small reference table (projects, partners, campaigns) whose name has a word
    /// starting with `text`, as choices of a record picker.
    func choices(_ table: Table, matching text: String) -> [Choice] {
        ((try? find(table, matching: text)) ?? []).map { Choice(id: String($0.id), title: $0.name) }
    }

    /// The chosen row of `table` as a picker shows it (`#id` when it is gone).
    func choice(_ table: Table, id: Int64?) -> Choice? {
        id.map { Choice(id: String($0), title: (try? name(table, id: $0)) ?? "#\($0)") }
    }
}
