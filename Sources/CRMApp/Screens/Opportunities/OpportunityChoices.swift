import CRMCore
import CRMStore

/// The records an opportunity points to, offered by record pickers as the user types:
/// contacts, projects and partners (accounts come from `AccountChoices`, users from the session).
enum OpportunityChoices {
    static func contacts(_ query: String, session: AppSession) -> [Choice] {
        let contacts = (try? session.contacts.page(ContactQuery(filter: query), .first, limit: 20)) ?? []
        return contacts.map { contact in
            Choice(id: String(contact.id), title: contact.displayName + (contact.accountName.map { " · " + $0 } ?? ""))
        }
    }

    static func projects(_ query: String, session: AppSession) -> [Choice] {
        choices((try? session.database.references.projects(matching: query)) ?? [])
    }

    static func partners(_ query: String, session: AppSession) -> [Choice] {
        choices((try? session.database.references.partners(matching: query)) ?? [])
    }

    private static func choices(_ hits: [SearchHit]) -> [Choice] {
        hits.map { Choice(id: String($0.id), title: $0.title + ($0.subtitle.isEmpty ? "" : " · " + $0.subtitle)) }
    }
}
