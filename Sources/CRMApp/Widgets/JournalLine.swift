import CRMCore
import Foundation

/// A journal entry worded for people: local time, who, what happened, old and new values.
struct JournalLine {
    let when: String
    let who: String
    let what: String
    let old: String
    let new: String

    init(_ entry: JournalEntry) {
        when = DateText.format(entry.at)
        who = entry.userLogin ?? "system"
        let field = entry.field.map { entry.entity.field(journalKey: $0)?.historyLabel ?? $0 } ?? ""
        let origin = entry.mergedFromID.map { " (#\($0), merged)" } ?? ""
        switch entry.action {
        case .create: what = (field.isEmpty ? "created" : field) + origin
        case .update: what = field + origin
        case .delete: what = "deleted" + origin
        case .anonymize: what = "anonymized" + origin
        }
        let readable = { (value: String?) in JournalValues.readable(value ?? "", field: entry.field, entity: entry.entity) }
        old = readable(entry.oldValue)
        new = readable(entry.newValue)
    }
}

/// Journal values as people read them: yes/no for flags, titles for task statuses. Ids became
/// names when the history was loaded (`JournalNames`).
enum JournalValues {
    static func readable(_ value: String, field: String?, entity: EntityKind) -> String {
        // A name put in by `JournalNames` is shown as it is, even a partner called "true".
        guard !value.isEmpty, let field, JournalNames.target(of: field, in: entity) == nil else { return value }
        switch (field, value) {
        case (_, "true"): return "yes"
        case (_, "false"): return "no"
        case (TaskDraft.Field.status.rawValue, _) where entity == .task:
            return TaskStatus(rawValue: value)?.title ?? value
        default:
            return value
        }
    }
}
