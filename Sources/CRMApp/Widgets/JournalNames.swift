import CRMCore
import CRMStore

/// Puts names in place of the record ids that journal values hold (ST-6), once when a history
/// is loaded: some names cost a query, and the History tab is drawn on every frame.
///
/// Names come from the session's caches or its repositories, which apply the user's visibility,
/// so a record that is gone or hidden from the user reads as `unseenRecord`, never with its name
/// or its id (which would tell that a private record exists).
struct JournalNames {
    /// What a record the user cannot see, or one that is gone, is called.
    static let unseenRecord = "(deleted or private)"

    typealias Target = RecordReference

    /// What kind of record `field` of an `entity`'s journal names by id, as its declaration
    /// says; `nil` for other values.
    static func target(of field: String, in entity: EntityKind) -> Target? {
        entity.field(journalKey: field)?.reference
    }

    /// `entries` with every id-valued old and new value replaced by its record's name; each
    /// distinct record is looked up once.
    static func named(_ entries: [JournalEntry], session: AppSession) -> [JournalEntry] {
        var names = JournalNames(session: session)
        return entries.map { entry in
            guard let field = entry.field, let target = target(of: field, in: entry.entity) else { return entry }
            var entry = entry
            entry.oldValue = entry.oldValue.map { names.name($0, target) }
            entry.newValue = entry.newValue.map { names.name($0, target) }
            return entry
        }
    }

    private let session: AppSession
    private var known: [Target: [Int64: String]] = [:]

    private init(session: AppSession) {
        self.session = session
    }

    /// The name for an id value ("152", or "#152" as a merge writes it); other text, such as an
    /// empty value, stays as it is.
    private mutating func name(_ value: String, _ target: Target) -> String {
        guard let id = Int64(value.trimmingPrefix("#")) else { return value }
        if let name = known[target]?[id] { return name }
        let name = lookUp(id, target).flatMap { $0.isEmpty ? nil : $0 } ?? Self.unseenRecord
        known[target, default: [:]][id] = name
        return name
    }

    private func lookUp(_ id: Int64, _ target: Target) -> String? {
        let names = session.database.names
        return switch target {
        case .user: session.userName(id)
        case .accountType: session.accountTypeList.first { $0.id == id }?.name
        case .contactType: session.contactTypeList.first { $0.id == id }?.name
        case .leadStatus: (try? session.database.leadStatuses.list())?.first { $0.id == id }?.name
        case .opportunityStatus: session.statusList.first { $0.id == id }?.name
        case .lostReason: (try? session.lostReasons.list())?.first { $0.id == id }?.name
        case .activityCategory: (try? session.activityCategories.list())?.first { $0.id == id }?.name
        case .account: try? session.accounts.get(id: id).displayName
        case .contact: try? session.contacts.get(id: id).displayName
        case .opportunity: try? session.opportunities.get(id: id).name
        case .lead: try? session.leads.get(id: id).displayName
        case .partner: try? names.name(.partners, id: id)
        case .project: try? names.name(.projects, id: id)
        case .campaign: try? names.name(.campaigns, id: id)
        case .splitFilter: try? session.leadSplitter.get(id: id).name
        }
    }
}
